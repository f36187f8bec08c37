//! The user's settings: for now the size limit of each file in the per-year upload kit, since the
//! 网上核认系统's real limits are not published (the user sets what their system accepts).

use std::ops::RangeInclusive;

use crate::error::{HandbookError, Result};

/// The upload limits a user may set, in MB.
pub const UPLOAD_LIMIT_MB: RangeInclusive<u32> = 1..=100;

/// The user's settings, each with its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    /// The largest file of the upload kit, in MB (default 5).
    pub upload_limit_mb: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { upload_limit_mb: 5 }
    }
}

impl Settings {
    /// Checks every setting; the message says which and what is allowed.
    pub fn validate(&self) -> Result<()> {
        check_upload_limit(self.upload_limit_mb)
    }
}

/// An upload limit outside [`UPLOAD_LIMIT_MB`] is refused.
pub fn check_upload_limit(mb: u32) -> Result<()> {
    if UPLOAD_LIMIT_MB.contains(&mb) {
        Ok(())
    } else {
        Err(HandbookError::input(format!(
            "上传文件大小限制应在 {} 到 {} MB 之间（填写的是 {mb} MB）",
            UPLOAD_LIMIT_MB.start(),
            UPLOAD_LIMIT_MB.end()
        )))
    }
}

/// The key of the upload limit in the store.
const UPLOAD_LIMIT_KEY: &str = "upload_limit_mb";

/// The name of a stored setting, as the 设置 screen calls it.
pub(crate) fn setting_label(key: &str) -> &'static str {
    match key {
        UPLOAD_LIMIT_KEY => "上传文件大小限制",
        _ => "其他设置",
    }
}

impl crate::Handbook {
    /// The user's settings; one never set, or stored in a form this version does not accept,
    /// is its default.
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        if let Some(mb) = self.store.setting(UPLOAD_LIMIT_KEY)?.and_then(|v| v.trim().parse::<u32>().ok())
            && UPLOAD_LIMIT_MB.contains(&mb)
        {
            settings.upload_limit_mb = mb;
        }
        Ok(settings)
    }

    /// Checks and keeps `settings`.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        settings.validate()?;
        Ok(self.store.set_setting(UPLOAD_LIMIT_KEY, &settings.upload_limit_mb.to_string())?)
    }
}
