//! Hunan's 14 市州, the closed list the profile's city is chosen from, and the normalisation that
//! turns what people write (常德市, 湘西州, 湘西土家族苗族自治州) into the short name a city's rule
//! set names (`city = "常德"`).

/// The 14 市州 by their short names, each with the full names people also write.
pub const HUNAN_CITIES: &[(&str, &[&str])] = &[
    ("长沙", &["长沙市"]),
    ("株洲", &["株洲市"]),
    ("湘潭", &["湘潭市"]),
    ("衡阳", &["衡阳市"]),
    ("邵阳", &["邵阳市"]),
    ("岳阳", &["岳阳市"]),
    ("常德", &["常德市"]),
    ("张家界", &["张家界市"]),
    ("益阳", &["益阳市"]),
    ("郴州", &["郴州市"]),
    ("永州", &["永州市"]),
    ("怀化", &["怀化市"]),
    ("娄底", &["娄底市"]),
    ("湘西", &["湘西州", "湘西自治州", "湘西土家族苗族自治州"]),
];

/// The short name of a 市州 from any way of writing it (with or without 市/州, surrounding spaces,
/// a leading 湖南省); `None` when it is not one of Hunan's 14.
pub fn normalize(written: &str) -> Option<&'static str> {
    let trimmed = written.trim();
    let trimmed = trimmed.strip_prefix("湖南省").unwrap_or(trimmed).trim();
    HUNAN_CITIES.iter().find(|(short, full)| *short == trimmed || full.contains(&trimmed)).map(|(short, _)| *short)
}

/// The short names, for messages: `长沙、株洲、…、湘西`.
pub fn choices() -> String {
    HUNAN_CITIES.iter().map(|(short, _)| *short).collect::<Vec<_>>().join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changde_shi_is_changde_so_the_changde_rules_apply() {
        assert_eq!(normalize("常德市"), Some("常德"));
        assert_eq!(normalize(" 常德 "), Some("常德"));
        assert_eq!(normalize("湖南省常德市"), Some("常德"));
    }

    #[test]
    fn xiangxi_is_recognised_by_every_usual_name() {
        for name in ["湘西", "湘西州", "湘西土家族苗族自治州"] {
            assert_eq!(normalize(name), Some("湘西"), "{name}");
        }
    }

    #[test]
    fn a_place_outside_hunan_is_not_a_city_of_the_list() {
        assert_eq!(normalize("武汉市"), None);
        assert_eq!(normalize(""), None);
        assert_eq!(HUNAN_CITIES.len(), 14);
    }
}
