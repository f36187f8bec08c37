//! 身份证号: whether a text is a valid 18-character number (GB 11643: 17 digits and a check
//! character), the numbers a text contains, and the masked form shown instead of the whole number.

/// The weights of the first 17 digits in the check sum.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character for each remainder of the weighted sum modulo 11.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Whether `id` is 17 digits and the right check character (a lowercase `x` is taken as `X`).
pub fn is_valid(id: &str) -> bool {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 || !chars[..17].iter().all(char::is_ascii_digit) {
        return false;
    }
    let sum: u32 = chars[..17].iter().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).unwrap_or(0) * w).sum();
    CHECK[(sum % 11) as usize] == chars[17].to_ascii_uppercase()
}

/// The valid 身份证号 in `text`, each once, in capitals: 18 characters standing apart from other
/// digits and letters (full-width digits read as digits).
pub fn find_in(text: &str) -> Vec<String> {
    let text: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'ｘ' | 'Ｘ' => 'X',
            c => c,
        })
        .collect();
    let mut found: Vec<String> = Vec::new();
    for token in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let token = token.to_ascii_uppercase();
        if is_valid(&token) && !found.contains(&token) {
            found.push(token);
        }
    }
    found
}

/// `430102********1234`: the first six and last four characters kept.
pub fn mask(id: &str) -> String {
    let chars: Vec<char> = id.trim().chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    let (head, rest) = chars.split_at(6);
    let (middle, tail) = rest.split_at(rest.len() - 4);
    format!("{}{}{}", head.iter().collect::<String>(), "*".repeat(middle.len()), tail.iter().collect::<String>())
}
