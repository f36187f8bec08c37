// Every text the screens show, read from the sources as a user reads it: no English word, no
// internals, one name per thing. Template text between tags and every quoted literal that holds
// Chinese (messages, labels, titles, placeholders) are scanned; code (identifiers, classes,
// data-test ids) is not text and is left out.
import { describe, expect, it } from 'vitest'

/** Names the user meets outside the app, as Windows and the office programs print them. */
const ALLOWED = new Set([
  // File formats, as the file manager and the file dialogs name them.
  'PDF',
  'JPEG',
  'PNG',
  'HEIC',
  'WebP',
  'OFD',
  'Word',
  'Excel',
  'WPS',
  'ZIP',
  // Sizes, as the file manager shows them.
  'MB',
  'KB',
  // The keys of the shortcuts, as printed on the keyboard.
  'Ctrl',
  'Esc',
])

const sources = import.meta.glob(['./**/*.ts', './**/*.vue', '!./**/*.test.ts', '!./bindings.ts', '!./testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

const CJK = /[\u4e00-\u9fff]/

/** The texts of one source: template text nodes, and quoted literals holding Chinese. */
export function textsOf(source: string): string[] {
  const withoutComments = source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  const texts: string[] = []
  const template = (/<template>([\s\S]*)<\/template>/.exec(withoutComments)?.[1] ?? '').replace(/\{\{[\s\S]*?\}\}/g, ' ')
  // A tag, its quoted attribute values included (they may hold `>` in an expression).
  const tag = /<\/?[A-Za-z][^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*>/g
  for (const piece of template.split(tag)) {
    const text = piece.trim()
    if (text) texts.push(text)
  }
  literals(withoutComments, texts)
  return texts.map((t) => t.replace(/\s+/g, ' '))
}

/** The quoted literals of `code` that hold Chinese; an attribute's expression is read for its own. */
function literals(code: string, texts: string[]) {
  for (const m of code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
    const text = (m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, ' ')
    if (m[2] !== undefined && /['`]/.test(text)) literals(text, texts)
    // A date picker's format (`yyyy年M月d日`) is code for the picker, not text.
    else if (CJK.test(text) && !/^[yMd年月日]+$/.test(text)) texts.push(text)
  }
}

/** Latin words of two letters or more that are not allowed (a word after a dot is an extension). */
export function englishIn(text: string): string[] {
  return [...text.matchAll(/(^|.)([A-Za-z][A-Za-z0-9_]*)/g)]
    .filter((m) => m[1] !== '.' && (m[2].match(/[A-Za-z]/g) ?? []).length >= 2 && !ALLOWED.has(m[2]))
    .map((m) => m[2])
}

describe('the scan', () => {
  it('finds English and internals in text, not in code or a file extension', () => {
    const texts = textsOf(`<template><p>共 {{ n }} 条 records</p><a :title="'证据库 ' + x">打开</a></template>
<script setup lang="ts">
const f = 'fileName' // 注释 English
const t = \`另存为 .xlsx，\${year} 年 PDF\`
</script>`)
    expect(texts).toEqual(['共 条 records', '打开', '证据库 ', '另存为 .xlsx， 年 PDF'])
    expect(texts.flatMap(englishIn)).toEqual(['records'])
  })
})

describe('every text the screens show', () => {
  const all = Object.entries(sources).flatMap(([file, text]) => textsOf(text).map((t) => ({ file, text: t })))

  it('reads the sources (the screens and the components are all there)', () => {
    expect(Object.keys(sources)).toContain('./views/DashboardView.vue')
    expect(Object.keys(sources)).toContain('./components/ExportDialog.vue')
    expect(all.length).toBeGreaterThan(100)
  })

  it('holds no English word and no internal (YYYY-MM-DD, SHA-256, a rule id)', () => {
    const bad = all.filter(({ text }) => englishIn(text).length > 0 || /hunan-\d|SHA|字节/.test(text))
    expect(bad.map(({ file, text }) => `${file}: ${text} → ${englishIn(text).join(' ')}`)).toEqual([])
  })

  it('gives each thing one name: 申报材料包, 证明材料, no dash of another kind between years', () => {
    const bad = all.filter(
      ({ text }) => /证据库|提交包|申报包|(?<!申报)材料包/.test(text) || /\d{4}\s*[–~-]\s*\d{4}|\d{4} ?— ?\d{4} 年|年—/.test(text),
    )
    expect(bad.map(({ file, text }) => `${file}: ${text}`)).toEqual([])
  })
})
