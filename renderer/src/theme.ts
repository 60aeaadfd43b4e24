// Light, dark, or whatever the system says: the choice is kept in localStorage and applied as
// `data-theme` on <html>, which styles.css keys its colour variables on. Charts and the editor
// read the same variables, so they follow.
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const STORAGE_KEY = 'cairn.theme';
const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');

export function storedThemeChoice(): ThemeChoice {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return (THEME_CHOICES as readonly string[]).includes(stored ?? '')
    ? (stored as ThemeChoice)
    : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemDark().matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  window.dispatchEvent(new Event('cairn-theme'));
}

export function chooseTheme(choice: ThemeChoice): void {
  window.localStorage.setItem(STORAGE_KEY, choice);
  applyTheme(choice);
}

/** Applies the stored choice now and follows the system while the choice is "system". */
export function startTheme(): void {
  applyTheme(storedThemeChoice());
  systemDark().addEventListener('change', () => applyTheme(storedThemeChoice()));
}
