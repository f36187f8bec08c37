//! 二维码: what a certificate's QR code is for the user. A web link (http or https, read here by
//! hand) has a host — lowercase, without a port — checked against the national bases' platforms a
//! notice lists (2026: 附件1), the list of the rule set in force or else the latest built-in one;
//! any other text is only shown. Nothing is opened: the app reaches nothing remote.

use serde::Serialize;
use xueshi_core::rules::BasePlatform;

/// A QR code's web link: its host and whether that host is a listed platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QrLink {
    /// The host, lowercase, without a port (`sypx.csu.edu.cn`).
    pub host: String,
    /// The listed platform the host is, or is under; `None`: another host.
    pub platform: Option<ListedPlatform>,
    /// The notice whose list of platforms the host was checked against (文号 or 《title》);
    /// `None` when no notice lists any.
    pub list: Option<String>,
}

/// A national base's platform as a notice lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ListedPlatform {
    /// 基地名称, e.g. 中南大学.
    pub base: String,
    /// The platform's host as the notice writes it.
    pub host: String,
    /// The rule set listing it.
    pub set: String,
    /// That notice: its 文号, or its title in 《》.
    pub notice: String,
}

/// The link `text` is, checked against `platforms`; `None` when it is not an http or https link.
pub fn link_of(text: &str, platforms: &[BasePlatform]) -> Option<QrLink> {
    let host = link_host(text)?;
    let platform = platforms.iter().find(|p| p.serves(&host)).map(|p| ListedPlatform {
        base: p.base.clone(),
        host: p.host.clone(),
        set: p.origin.set.clone(),
        notice: p.origin.citation(),
    });
    let list = platforms.first().map(|p| p.origin.citation());
    Some(QrLink { host, platform, list })
}

/// The host of an http or https link: what comes after `//` up to the first `/`, `?`, `#` or `\`
/// (browsers read `\` as `/`), without the user part before an `@`, the port and a final dot,
/// lowercased. `None` for any other text, and for a link whose host is empty or holds anything
/// but letters, digits, `-` and `.` (or an IPv6 address in brackets).
pub fn link_host(text: &str) -> Option<String> {
    let text = text.trim();
    let rest = strip_scheme(text, "https://").or_else(|| strip_scheme(text, "http://"))?;
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => {
            let (address, _) = v6.split_once(']')?;
            let ok = !address.is_empty() && address.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
            return ok.then(|| format!("[{}]", address.to_ascii_lowercase()));
        }
        None => host_port.split(':').next().unwrap_or_default(),
    };
    let host = host.strip_suffix('.').unwrap_or(host).to_lowercase();
    let ok = !host.is_empty()
        && host.split('.').all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'));
    ok.then_some(host)
}

/// `text` after `scheme`, whatever the case of its letters (QR codes often hold `HTTPS://…`).
fn strip_scheme<'a>(text: &'a str, scheme: &str) -> Option<&'a str> {
    let head = text.get(..scheme.len())?;
    head.eq_ignore_ascii_case(scheme).then(|| &text[scheme.len()..])
}

/// What the form says about a link: the base whose listed platform it points to, or, neutrally,
/// that it points elsewhere (other issuers' certificates carry their own links).
pub fn note(link: &QrLink) -> String {
    let host = &link.host;
    match (&link.platform, &link.list) {
        (Some(p), _) if p.host == *host => format!(
            "证书上的二维码指向 {host}，是{}的网络平台（{}所列国家级专业技术人员继续教育基地）",
            p.base, p.notice
        ),
        (Some(p), _) => format!(
            "证书上的二维码指向 {host}，属于{}的网络平台 {}（{}所列国家级专业技术人员继续教育基地）",
            p.base, p.host, p.notice
        ),
        (None, Some(list)) => format!(
            "证书上的二维码指向 {host}，不在{list}所列国家级专业技术人员继续教育基地的网络平台之中；其他单位颁发的证书带有各自的网址，这很常见"
        ),
        (None, None) => format!("证书上的二维码指向 {host}"),
    }
}

#[cfg(test)]
#[path = "qr_tests.rs"]
mod tests;
