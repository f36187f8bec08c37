//! The main window on a small screen: the configured size (1280 × 820) is taller than the usable
//! part of a 1366 × 768 laptop screen or of a 1920 × 1080 screen at 150 %, so there the window
//! opens maximized instead of reaching under the taskbar.

use tauri::{PhysicalSize, Runtime, WebviewWindow};

/// Maximizes `window` when its outer size does not fit the work area (the screen less the taskbar)
/// of the screen it is on. Does nothing when the screen is unknown.
pub fn fit_to_screen<R: Runtime>(window: &WebviewWindow<R>) {
    let monitor = match window.current_monitor() {
        Ok(Some(monitor)) => Some(monitor),
        _ => window.primary_monitor().ok().flatten(),
    };
    let (Some(monitor), Ok(outer)) = (monitor, window.outer_size()) else { return };
    if !fits(outer, monitor.work_area().size) {
        let _ = window.maximize();
    }
}

/// Whether a window of `outer` size fits in `area`, both in physical pixels.
fn fits(outer: PhysicalSize<u32>, area: PhysicalSize<u32>) -> bool {
    outer.width <= area.width && outer.height <= area.height
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(width: u32, height: u32) -> PhysicalSize<u32> {
        PhysicalSize::new(width, height)
    }

    #[test]
    fn the_configured_window_does_not_fit_a_1366_by_768_laptop_above_its_taskbar() {
        // 1280 × 820 inside, about 30 pixels of title bar; the taskbar takes 40 of 768.
        assert!(!fits(size(1282, 852), size(1366, 728)));
    }

    #[test]
    fn nor_a_1920_by_1080_screen_at_150_percent() {
        // Everything 1.5 times larger: 1923 × 1278 against 1920 × 1032.
        assert!(!fits(size(1923, 1278), size(1920, 1032)));
    }

    #[test]
    fn a_full_hd_screen_at_100_percent_keeps_the_configured_size() {
        assert!(fits(size(1282, 852), size(1920, 1040)));
    }
}
