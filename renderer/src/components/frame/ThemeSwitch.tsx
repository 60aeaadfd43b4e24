import { useState } from 'react';
import { chooseTheme, storedThemeChoice, THEME_CHOICES, type ThemeChoice } from '../../theme.ts';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark or the system's theme, as a labelled radio group. */
export function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>(storedThemeChoice);
  return (
    <fieldset className="theme-switch">
      <legend>Theme</legend>
      {THEME_CHOICES.map((c) => (
        <label key={c}>
          <input
            type="radio"
            name="theme"
            value={c}
            checked={choice === c}
            onChange={() => {
              setChoice(c);
              chooseTheme(c);
            }}
          />
          {LABELS[c]}
        </label>
      ))}
    </fieldset>
  );
}
