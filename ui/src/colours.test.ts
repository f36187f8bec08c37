// The app follows the system's dark mode through style.css's colour variables (--xs-*), each with a
// light and a dark value: no other source writes a colour of its own (it would stay light in dark
// mode), every variable used has both values, and the dark values' text is readable (WCAG AA).
import { darkTheme } from 'naive-ui'
import { describe, expect, it } from 'vitest'

const sources = import.meta.glob(['./**/*.vue', './**/*.ts', './**/*.css', '!./**/*.test.ts', '!./bindings.ts', '!./testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>
const STYLE = './style.css'

/** Colours written where the rule cannot reach them: `file` may keep `colour`. */
const ALLOWED: { file: string; colour: string }[] = []

// CSS's named colours (https://www.w3.org/TR/css-color-4/#named-colors).
const NAMED = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
  cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
  darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
  darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
  firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
  hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
  lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid
  mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
  mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen
  paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown
  royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow
  springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(/\s+/),
)

function withoutComments(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

/** The colours `source` writes: hex values, colour functions, and named colours in CSS
 * declarations (style blocks, style attributes) or as a quoted string in code. */
export function coloursIn(source: string): string[] {
  const code = withoutComments(source)
  const found: string[] = []
  for (const m of code.matchAll(/(?<![&\w])#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b/gi)) found.push(m[0])
  for (const m of code.matchAll(/(?<![\w-])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\([^)]*\)?/gi)) found.push(m[0])
  for (const m of code.matchAll(/(?<![\w-])[a-z-]+\s*:\s*([^;{}"'<>\n]+)/gi)) {
    for (const word of m[1].toLowerCase().split(/[^a-z-]+/)) if (NAMED.has(word)) found.push(word)
  }
  for (const m of code.matchAll(/['"`]([a-z]+)['"`]/gi)) if (NAMED.has(m[1].toLowerCase())) found.push(m[1])
  return found
}

/** style.css's definitions of `--xs-*` variables: the light ones (outside the dark block) and the
 * dark ones (`@media (prefers-color-scheme: dark) { :root { … } }`), as name → value. */
function definitions(css: string): { light: Map<string, string>; dark: Map<string, string>; repeated: string[] } {
  const code = withoutComments(css)
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^{}]*)\}\s*\}/.exec(code)
  const repeated: string[] = []
  const read = (block: string) => {
    const found = new Map<string, string>()
    for (const m of block.matchAll(/(--xs-[\w-]+)\s*:\s*([^;]+);/g)) {
      if (found.has(m[1])) repeated.push(m[1])
      found.set(m[1], m[2].trim())
    }
    return found
  }
  return { light: read(dark ? code.replace(dark[0], '') : code), dark: read(dark?.[1] ?? ''), repeated }
}

/** The `--xs-*` variables `source` uses: `var(--xs-…)` in CSS, '--xs-…' read in code. */
function usedIn(source: string): string[] {
  const code = withoutComments(source)
  return [...code.matchAll(/var\(\s*(--xs-[\w-]+)/g), ...code.matchAll(/['"`](--xs-[\w-]+)['"`]/g)].map((m) => m[1])
}

/** An opaque or translucent colour as [r, g, b, a]: #rgb, #rrggbb, rgb() and rgba(), as style.css writes them. */
function parse(colour: string): number[] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour)
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1]
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1)
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(colour)
  if (!fn) throw new Error(`not a colour this test reads: ${colour}`)
  const [r, g, b, a = 1] = fn[1].split(',').map(Number)
  return [r, g, b, a]
}

/** The contrast ratio of `text` drawn on `backgrounds` (the topmost first, the last opaque). */
function contrast(text: string, ...backgrounds: string[]): number {
  const over = (top: number[], below: number[]) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1)
  const below = backgrounds.map(parse).reduceRight((under, layer) => over(layer, under))
  const luminance = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(over(parse(text), below)), luminance(below)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

// Naive UI's dialogs and drawers (the record editor, the export dialog) in its dark theme.
const MODAL = darkTheme.common.modalColor
// Each text colour on the backgrounds it is drawn on (the topmost first): the dark values must be at
// least 4.5:1. The light values are the app's colours as they always were, and are not checked here.
const TEXT_ON: string[][] = [
  ...['--xs-bg', '--xs-surface', '--xs-sider-bg', '--xs-attention-bg', '--xs-notice-bg', '--xs-ok-bg'].map((bg) => ['--xs-text', bg]),
  ['--xs-text', '--xs-hover-bg', '--xs-sider-bg'],
  ['--xs-text-secondary', '--xs-bg'],
  ['--xs-text-secondary', '--xs-surface'],
  ...['--xs-bg', '--xs-surface', '--xs-sider-bg', '--xs-attention-bg', '--xs-notice-bg', '--xs-ok-bg', MODAL].map((bg) => [
    '--xs-text-muted',
    bg,
  ]),
  ['--xs-text-faint', '--xs-inset-bg', MODAL],
  ['--xs-text-hint', MODAL],
  ['--xs-text-warning', '--xs-surface'],
  ['--xs-text-warning', MODAL],
  ['--xs-text-warning', '--xs-tint-bg', MODAL],
  ['--xs-text-caution', '--xs-surface'],
  ...['--xs-surface', '--xs-notice-bg', '--xs-ok-bg', MODAL].map((bg) => ['--xs-primary', bg]),
  ['--xs-primary', '--xs-selected-bg', '--xs-sider-bg'],
  ['--xs-primary', '--xs-tint-bg', MODAL],
  ['--xs-primary', '--xs-inset-bg', MODAL],
  ['--xs-primary', '--xs-highlight-bg', '--xs-surface'],
  ['--xs-primary', '--xs-highlight-bg', MODAL],
  ['--xs-primary-hover', '--xs-surface'],
  ['--xs-primary-pressed', '--xs-surface'],
  ['--xs-on-primary', '--xs-primary'],
  ['--xs-on-primary', '--xs-primary-hover'],
  ['--xs-on-primary', '--xs-primary-pressed'],
  ['--xs-surface-text', '--xs-surface'],
  ['--xs-surface-title', '--xs-surface'],
  ['--xs-success', '--xs-success-bg', '--xs-surface'],
  ...['--xs-bg', '--xs-surface', '--xs-notice-bg'].map((bg) => ['--xs-warning', '--xs-warning-bg', bg]),
  ['--xs-chart-text', '--xs-surface'],
  ['--xs-chart-requirement', '--xs-surface'],
]

describe('colours', () => {
  it('finds the colours a source writes, and not what only looks like one', () => {
    const source = `<template><div style="color: red">white-space</div></template>
<script setup lang="ts">
const c = { color: '#18776a', line: 'rgba(0, 0, 0, 0.1)', name: 'white' } // #fff in a comment
</script>
<style scoped>
#app .x { white-space: nowrap; background: var(--xs-bg); border: 1px solid black; color: #ABCDEF80 }
</style>`
    expect(coloursIn(source)).toEqual(['#18776a', '#ABCDEF80', 'rgba(0, 0, 0, 0.1)', 'red', 'black', 'white'])
  })

  it('no source writes a colour outside style.css’s variables', () => {
    const written = Object.entries(sources).flatMap(([file, source]) => {
      const code = file === STYLE ? source.replace(/--xs-[\w-]+\s*:[^;]*;/g, '') : source
      return coloursIn(code)
        .filter((colour) => !ALLOWED.some((a) => a.file === file && a.colour === colour))
        .map((colour) => `${file} ${colour}`)
    })
    expect(written).toEqual([])
  })

  it('every variable has a light and a dark value, once each, and is used', () => {
    const { light, dark, repeated } = definitions(sources[STYLE])
    expect(light.size).toBeGreaterThan(0)
    expect(repeated).toEqual([])
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort())
    const used = new Set(Object.values(sources).flatMap(usedIn))
    expect([...used].filter((name) => !light.has(name) || !dark.has(name))).toEqual([])
    expect([...light.keys()].filter((name) => !used.has(name))).toEqual([])
  })

  it('text in dark mode is at least 4.5:1 against its background', () => {
    const { dark } = definitions(sources[STYLE])
    const value = (name: string) => (name.startsWith('--') ? dark.get(name) : name) ?? `undefined ${name}`
    const poor = TEXT_ON.map(([text, ...backgrounds]) => ({
      pair: `${text} on ${backgrounds.join(' over ')}`,
      ratio: contrast(value(text), ...backgrounds.map(value)),
    }))
      .filter((p) => p.ratio < 4.5)
      .map((p) => `${p.pair}: ${p.ratio.toFixed(2)}`)
    expect(poor).toEqual([])
  })
})
