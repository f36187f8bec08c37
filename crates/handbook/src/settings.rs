//! The user's settings: the size limit of each file in the per-year upload kit, since the
//! 网上核认系统's real limits are not published (the user sets what their system accepts), and the
//! window's zoom (Ctrl + / Ctrl − / Ctrl 0), kept from one start to the next, and which reminders
//! the user wants.

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
    /// The window's zoom in percent, one of [`ZOOM_PERCENTS`] (default 100).
    pub zoom_percent: u32,
    /// Remind when the 核认 period opens or closes within 30 days (default on).
    pub remind_period: bool,
    /// Remind when the current year of the window is still short after 1 October (default on).
    pub remind_short_year: bool,
    /// Remind of records older than 30 days still lacking evidence (default on).
    pub remind_evidence: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            upload_limit_mb: 5,
            zoom_percent: 100,
            remind_period: true,
            remind_short_year: true,
            remind_evidence: true,
        }
    }
}

impl Settings {
    /// Checks every setting; the message says which and what is allowed.
    pub fn validate(&self) -> Result<()> {
        check_upload_limit(self.upload_limit_mb)?;
        check_zoom(self.zoom_percent)
    }
}

/// The zooms the window steps through, in percent, as browsers do.
pub const ZOOM_PERCENTS: [u32; 11] = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200];

/// A change of the window's zoom: larger, smaller, or back to 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ZoomStep {
    /// One step larger (Ctrl +).
    In,
    /// One step smaller (Ctrl −).
    Out,
    /// 100 % (Ctrl 0).
    Reset,
}

/// The zoom one `step` away from `current` (which need not be one of the steps); the largest and
/// smallest stay where they are.
pub fn next_zoom(current: u32, step: ZoomStep) -> u32 {
    match step {
        ZoomStep::Reset => 100,
        ZoomStep::In => {
            ZOOM_PERCENTS.iter().copied().find(|&z| z > current).unwrap_or(ZOOM_PERCENTS[ZOOM_PERCENTS.len() - 1])
        }
        ZoomStep::Out => ZOOM_PERCENTS.iter().rev().copied().find(|&z| z < current).unwrap_or(ZOOM_PERCENTS[0]),
    }
}

/// A zoom that is not one of [`ZOOM_PERCENTS`] is refused.
fn check_zoom(percent: u32) -> Result<()> {
    if ZOOM_PERCENTS.contains(&percent) {
        Ok(())
    } else {
        Err(HandbookError::input(format!(
            "显示比例应在 {}% 到 {}% 之间，按“放大”“缩小”调整（填写的是 {percent}%）",
            ZOOM_PERCENTS[0],
            ZOOM_PERCENTS[ZOOM_PERCENTS.len() - 1]
        )))
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
/// The key of the window's zoom in the store.
const ZOOM_KEY: &str = "zoom_percent";
/// The keys of the reminders' switches in the store (`1` on, `0` off).
const REMIND_KEYS: [(&str, &str); 3] =
    [("remind_period", "核认期限提醒"), ("remind_short_year", "学时不足提醒"), ("remind_evidence", "缺少证明材料提醒")];

/// The name of a stored setting, as the 设置 screen calls it.
pub(crate) fn setting_label(key: &str) -> &'static str {
    match key {
        UPLOAD_LIMIT_KEY => "上传文件大小限制",
        ZOOM_KEY => "显示比例",
        _ => REMIND_KEYS.iter().find(|(k, _)| *k == key).map_or("其他设置", |(_, label)| label),
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
        if let Some(percent) = self.store.setting(ZOOM_KEY)?.and_then(|v| v.trim().parse::<u32>().ok())
            && ZOOM_PERCENTS.contains(&percent)
        {
            settings.zoom_percent = percent;
        }
        let [period, short_year, evidence] = REMIND_KEYS.map(|(key, _)| key);
        for (key, on) in [
            (period, &mut settings.remind_period),
            (short_year, &mut settings.remind_short_year),
            (evidence, &mut settings.remind_evidence),
        ] {
            match self.store.setting(key)?.as_deref().map(str::trim) {
                Some("0") => *on = false,
                Some("1") => *on = true,
                _ => {}
            }
        }
        Ok(settings)
    }

    /// Checks and keeps `settings`.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        settings.validate()?;
        self.store.set_setting(UPLOAD_LIMIT_KEY, &settings.upload_limit_mb.to_string())?;
        self.store.set_setting(ZOOM_KEY, &settings.zoom_percent.to_string())?;
        let switches = [settings.remind_period, settings.remind_short_year, settings.remind_evidence];
        for ((key, _), on) in REMIND_KEYS.iter().zip(switches) {
            self.store.set_setting(key, if on { "1" } else { "0" })?;
        }
        Ok(())
    }

    /// Changes the window's zoom by `step`, keeps it, and says the new zoom in percent.
    pub fn zoom(&mut self, step: ZoomStep) -> Result<u32> {
        let percent = next_zoom(self.settings()?.zoom_percent, step);
        self.store.set_setting(ZOOM_KEY, &percent.to_string())?;
        Ok(percent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_in_from_100_percent_goes_to_110_then_125() {
        assert_eq!(next_zoom(100, ZoomStep::In), 110);
        assert_eq!(next_zoom(110, ZoomStep::In), 125);
    }

    #[test]
    fn zooming_stops_at_200_and_50_percent() {
        assert_eq!(next_zoom(200, ZoomStep::In), 200);
        assert_eq!(next_zoom(50, ZoomStep::Out), 50);
    }

    #[test]
    fn a_zoom_between_steps_goes_to_the_neighbouring_step() {
        assert_eq!(next_zoom(105, ZoomStep::In), 110);
        assert_eq!(next_zoom(105, ZoomStep::Out), 100);
    }

    #[test]
    fn ctrl_0_goes_back_to_100_percent_from_anywhere() {
        assert_eq!(next_zoom(175, ZoomStep::Reset), 100);
    }

    #[test]
    fn a_saved_zoom_outside_the_steps_is_refused_in_chinese() {
        let settings = Settings { zoom_percent: 105, ..Settings::default() };
        let err = settings.validate().unwrap_err().to_string();
        assert!(err.contains("显示比例"), "{err}");
    }
}
