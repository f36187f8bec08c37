//! The character error rate of a reading against the text printed: edit distance over the
//! characters of both, whitespace left out and full-width punctuation folded to its ASCII form
//! (a recognizer's "：" or ":" are the same character for a reader, and for the field extraction).

/// `text` as compared: no whitespace, full-width ASCII forms (U+FF01–FF5E) and curly quotes folded.
pub fn normalise(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '“' | '”' | '„' | '″' => '"',
            '‘' | '’' => '\'',
            '—' | '–' => '-',
            _ => c,
        })
        .collect()
}

/// The Levenshtein distance between two character sequences.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Errors per character printed: edit distance from `read` to `printed`, over the printed length.
pub fn character_error_rate(printed: &str, read: &str) -> f64 {
    let (printed, read) = (normalise(printed), normalise(read));
    edit_distance(&printed, &read) as f64 / printed.len().max(1) as f64
}

#[test]
fn the_error_rate_counts_edits_and_ignores_punctuation_width() {
    assert_eq!(character_error_rate("学员姓名：王晓梅", "学员姓名:王晓梅"), 0.0);
    assert_eq!(character_error_rate("“研修班”，", "\"研修班\","), 0.0);
    assert!((character_error_rate("结业证书", "结亚证") - 0.5).abs() < 1e-9);
}
