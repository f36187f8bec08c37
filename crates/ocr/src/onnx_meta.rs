//! Reads one entry of an ONNX model's `metadata_props` without parsing the graph: PaddleOCR's
//! recognition models exported by RapidOCR carry their character list there (key `character`).

/// The value of the metadata entry `key` of the ONNX model `bytes`, if present and UTF-8.
/// Scans only the top level of the `ModelProto` (field 14 is `metadata_props`), so it is fast and
/// never allocates more than the value; malformed input gives `None`.
pub fn metadata_value(bytes: &[u8], key: &str) -> Option<String> {
    let mut reader = Reader { bytes, pos: 0 };
    while reader.pos < bytes.len() {
        let (field, wire) = reader.tag()?;
        if field == 14 && wire == 2 {
            let entry = reader.length_delimited()?;
            if let Some(value) = entry_value(entry, key) {
                return Some(value);
            }
        } else {
            reader.skip(wire)?;
        }
    }
    None
}

/// The value of a `StringStringEntryProto` (1: key, 2: value) whose key is `key`.
fn entry_value(entry: &[u8], key: &str) -> Option<String> {
    let mut reader = Reader { bytes: entry, pos: 0 };
    let (mut found_key, mut value) = (None, None);
    while reader.pos < entry.len() {
        match reader.tag()? {
            (1, 2) => found_key = Some(reader.length_delimited()?),
            (2, 2) => value = Some(reader.length_delimited()?),
            (_, wire) => reader.skip(wire)?,
        }
    }
    if found_key? == key.as_bytes() { String::from_utf8(value?.to_vec()).ok() } else { None }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }

    fn tag(&mut self) -> Option<(u64, u8)> {
        let tag = self.varint()?;
        Some((tag >> 3, (tag & 7) as u8))
    }

    fn length_delimited(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.varint()?).ok()?;
        let end = self.pos.checked_add(len)?;
        let slice = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(slice)
    }

    fn skip(&mut self, wire: u8) -> Option<()> {
        match wire {
            0 => self.varint().map(|_| ()),
            1 => self.advance(8),
            2 => self.length_delimited().map(|_| ()),
            5 => self.advance(4),
            _ => None,
        }
    }

    fn advance(&mut self, n: usize) -> Option<()> {
        let end = self.pos.checked_add(n)?;
        (end <= self.bytes.len()).then(|| self.pos = end)
    }
}

#[cfg(test)]
mod tests {
    use super::metadata_value;

    #[test]
    fn finds_a_metadata_entry_after_other_fields_and_ignores_garbage() {
        // ir_version = 8, a graph (field 7) of 3 bytes, then metadata_props {key: "character", value: "a\nb"}.
        let mut model = vec![0x08, 0x08, 0x3a, 0x03, 1, 2, 3];
        let entry = [&[0x0a, 9][..], b"character", &[0x12, 3], b"a\nb"].concat();
        model.push(0x72);
        model.push(entry.len() as u8);
        model.extend_from_slice(&entry);
        assert_eq!(metadata_value(&model, "character").as_deref(), Some("a\nb"));
        assert_eq!(metadata_value(&model, "other"), None);
        assert_eq!(metadata_value(&[0xff, 0xff, 0xff], "character"), None);
        assert_eq!(metadata_value(&model[..model.len() - 2], "character"), None);
    }
}
