//! Reading order: lines top to bottom, and lines side by side on the same row (a label and its
//! value, two columns of a form) left to right.

use crate::reader::OcrLine;

/// `lines` in reading order. `skew` (degrees, clockwise) is the tilt left in the text: rows are
/// found along it, so that a slightly tilted page does not interleave its lines.
pub fn reading_order(lines: Vec<OcrLine>, skew: f32) -> Vec<OcrLine> {
    let (sin, cos) = (-skew).to_radians().sin_cos();
    let mut placed: Vec<(f32, f32, f32, OcrLine)> = lines
        .into_iter()
        .map(|line| {
            let (sx, sy) = line.quad.iter().fold((0.0, 0.0), |(x, y), p| (x + p.0 / 4.0, y + p.1 / 4.0));
            let left = line.quad.iter().map(|p| p.0 * cos - p.1 * sin).fold(f32::MAX, f32::min);
            let centre_y = sx * sin + sy * cos;
            let height = (line.quad[3].0 - line.quad[0].0).hypot(line.quad[3].1 - line.quad[0].1).max(1.0);
            (centre_y, left, height, line)
        })
        .collect();
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rows: Vec<Vec<(f32, f32, f32, OcrLine)>> = Vec::new();
    for item in placed {
        match rows.last_mut() {
            Some(row) if same_row(row, &item) => row.push(item),
            _ => rows.push(vec![item]),
        }
    }
    rows.into_iter()
        .flat_map(|mut row| {
            row.sort_by(|a, b| a.1.total_cmp(&b.1));
            row.into_iter().map(|item| item.3)
        })
        .collect()
}

/// Whether `item` lies on `row`: its centre within half a line height of the row's.
fn same_row(row: &[(f32, f32, f32, OcrLine)], item: &(f32, f32, f32, OcrLine)) -> bool {
    let n = row.len() as f32;
    let centre = row.iter().map(|r| r.0).sum::<f32>() / n;
    let height = row.iter().map(|r| r.2).sum::<f32>() / n;
    (item.0 - centre).abs() < 0.5 * height.min(item.2)
}

#[cfg(test)]
mod tests {
    use super::reading_order;
    use crate::reader::OcrLine;

    fn line(text: &str, x: f32, y: f32, w: f32) -> OcrLine {
        OcrLine { text: text.into(), confidence: 0.9, quad: [(x, y), (x + w, y), (x + w, y + 20.0), (x, y + 20.0)] }
    }

    #[test]
    fn lines_come_top_to_bottom_and_a_row_left_to_right() {
        let lines = vec![
            line("证书编号：HN-2024-0001", 300.0, 203.0, 200.0),
            line("结业证书", 100.0, 10.0, 120.0),
            line("学员姓名：", 20.0, 200.0, 100.0),
            line("湖南省继续教育中心", 100.0, 400.0, 200.0),
        ];
        let texts: Vec<String> = reading_order(lines, 0.0).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["结业证书", "学员姓名：", "证书编号：HN-2024-0001", "湖南省继续教育中心"]);
    }

    #[test]
    fn a_tilted_page_keeps_its_rows_apart() {
        // Tilted by 5° clockwise: the right end of a line sits lower than the left one.
        let tilt = 5f32.to_radians().tan();
        let lines: Vec<OcrLine> = (0..4)
            .flat_map(|row| {
                let y = 100.0 + 40.0 * row as f32;
                [line(&format!("{row}a"), 0.0, y, 200.0), line(&format!("{row}b"), 600.0, y + 600.0 * tilt, 200.0)]
            })
            .collect();
        let texts: Vec<String> = reading_order(lines, 5.0).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["0a", "0b", "1a", "1b", "2a", "2b", "3a", "3b"]);
    }
}
