// Text a person reads is at least 14 px (issue 14: a doctor of 55 enlarges everything, a teacher's
// 1366×768 laptop shows little): every font size the screens' styles set is checked. Only the small
// badges (`.tag`, a label of two or three characters beside a larger text) may be smaller.
import { describe, expect, it } from 'vitest'

const sources = import.meta.glob(['./**/*.vue', './**/*.css'], { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

const BADGES = new Set(['.tag'])

/** Each style rule of `source` that sets a font size below 14 px: `selector: size`. */
function smallText(source: string): string[] {
  const styles = [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1])
  const css = styles.length > 0 ? styles.join('\n') : source
  const found: string[] = []
  for (const rule of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = rule[1].trim()
    for (const size of rule[2].matchAll(/font-size:\s*(\d+(?:\.\d+)?)px/g)) {
      if (Number(size[1]) < 14 && !BADGES.has(selector)) found.push(`${selector}: ${size[1]}px`)
    }
  }
  return found
}

describe('text sizes', () => {
  it('finds a rule that sets 12 px text', () => {
    expect(smallText('<style scoped>\n.hint {\n  color: red;\n  font-size: 12px;\n}\n</style>')).toEqual(['.hint: 12px'])
  })

  it('no screen sets body text below 14 px', () => {
    const small = Object.entries(sources).flatMap(([file, source]) => smallText(source).map((s) => `${file} ${s}`))
    expect(small).toEqual([])
  })
})
