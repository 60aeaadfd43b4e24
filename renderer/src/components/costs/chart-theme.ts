// Chart colours come from CSS variables (styles/costs.css), so charts follow the light and dark
// themes; the hook reads them again when the system switches between the two.
import { useEffect, useState } from 'react';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  font: string;
  /** The value of a CSS variable (`--chart-input`), for series colours. */
  color(variable: string): string;
}

export function readChartTheme(): ChartTheme {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text', '#1d1f23'),
    muted: read('--muted', '#5d6470'),
    grid: read('--border', '#dcdfe4'),
    font: getComputedStyle(document.body).fontFamily,
    color: (variable) => read(variable, read('--accent', '#2f5fd0')),
  };
}

export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readChartTheme);
  useEffect(() => {
    // theme.ts announces every change of theme, chosen or followed from the system.
    const update = () => setTheme(readChartTheme());
    window.addEventListener('cairn-theme', update);
    return () => window.removeEventListener('cairn-theme', update);
  }, []);
  return theme;
}
