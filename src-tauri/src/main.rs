//! Starts 学时手册 (no console window on Windows).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    xueshi_app::mark_process_start();
    xueshi_app::run();
}
