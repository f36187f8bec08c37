// style.css's colours as values, for what cannot use a CSS variable: Naive UI's theme (it computes
// its shades from real colours) and the chart (a canvas). Read for the system's current light or
// dark mode: read again when it changes (Naive UI's useOsTheme).

/** The value of one of style.css's colour variables (`--xs-…`); undefined where style.css is not
 * loaded (component tests), so that the library keeps its own colour. */
export function cssColour(name: `--xs-${string}`): string | undefined {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || undefined
}
