//! The app's managed state: the open handbook (opened on first use, off the main thread, or ahead
//! of the window's first question while the window is being created) and the files last dropped
//! on the window, waiting for the user to say which record they belong to, and the certificate
//! files of a folder read for the review table (从文件夹读取证书), waiting to be accepted.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use xueshi_store::DataDir;

use xueshi_handbook::dto::Snapshot;
use xueshi_handbook::{ErrorCode, Handbook};

use crate::error::{AppError, AppResult};

pub struct AppState {
    home: DataDir,
    handbook: Mutex<Open>,
    dropped: Mutex<Dropped>,
    /// Set by the cancel button; the running export stops at its next progress report.
    cancel_export: AtomicBool,
    /// The last package written, to show it in its folder.
    last_export: Mutex<Option<PathBuf>>,
    /// Where exports go without asking (the end-to-end tests' seam for the save dialog).
    save_to: Mutex<Option<PathBuf>>,
    scanned: Mutex<Scanned>,
    /// The folder of certificates read without asking (the end-to-end tests' seam for the
    /// folder dialog of 从文件夹读取证书).
    certificates_in: Mutex<Option<PathBuf>>,
}

/// The files of the folder read last, by a token the web view gets instead of their paths; a file
/// is `None` once its record is saved.
#[derive(Default)]
struct Scanned {
    token: u32,
    files: Vec<Option<PathBuf>>,
}

/// The end-to-end tests' save path (`XUESHI_E2E_SAVE`), in builds with the test seams.
fn save_seam() -> Option<PathBuf> {
    #[cfg(feature = "test-seams")]
    return std::env::var_os(crate::SAVE_ENV).map(PathBuf::from);
    #[cfg(not(feature = "test-seams"))]
    None
}

/// The end-to-end tests' folder of certificates (`XUESHI_E2E_PICK_FOLDER`), in builds with the
/// test seams.
fn certificate_folder_seam() -> Option<PathBuf> {
    #[cfg(feature = "test-seams")]
    return std::env::var_os(crate::PICK_FOLDER_ENV).map(PathBuf::from);
    #[cfg(not(feature = "test-seams"))]
    None
}

/// The handbook once opened, and the first screen's snapshot made ahead (`prepare_first_screen`)
/// until the window takes it. Under one lock: any other use of the handbook drops the snapshot
/// made ahead, which may then be out of date.
#[derive(Default)]
struct Open {
    handbook: Option<Handbook>,
    first_screen: Option<Snapshot>,
}

/// Files dropped on the window, by a token the web view gets instead of their paths.
#[derive(Default)]
struct Dropped {
    token: u32,
    paths: Vec<PathBuf>,
}

impl AppState {
    pub fn new(home: DataDir) -> AppState {
        AppState {
            home,
            handbook: Mutex::new(Open::default()),
            dropped: Mutex::new(Dropped::default()),
            cancel_export: AtomicBool::new(false),
            last_export: Mutex::new(None),
            save_to: Mutex::new(save_seam()),
            scanned: Mutex::new(Scanned::default()),
            certificates_in: Mutex::new(certificate_folder_seam()),
        }
    }

    /// Runs `f` on the open handbook, opening the data folder first if needed. When `f` panics
    /// (a defect), the handbook it left half-way is dropped (its open transaction rolls back) and
    /// the next command opens the data folder afresh: one bad command never blocks the app.
    pub fn with_handbook<T>(&self, f: impl FnOnce(&mut Handbook) -> AppResult<T>) -> AppResult<T> {
        self.on_open(|handbook, first_screen| {
            *first_screen = None;
            f(handbook)
        })
    }

    /// Opens the data folder and makes the first screen's snapshot, for the window to take when
    /// it asks (`first_screen`): called while the window is being created, which saves the
    /// window the wait. A failure is left for the window's own question to meet and report.
    pub fn prepare_first_screen(&self) {
        let _ = self.on_open(|handbook, first_screen| {
            *first_screen = Some(handbook.first_screen()?);
            Ok(())
        });
    }

    /// The first screen's snapshot: the one made ahead if nothing used the handbook since, else
    /// made now.
    pub fn first_screen(&self) -> AppResult<Snapshot> {
        self.on_open(|handbook, first_screen| match first_screen.take() {
            Some(snapshot) => Ok(snapshot),
            None => Ok(handbook.first_screen()?),
        })
    }

    /// Runs `f` on the open handbook and the snapshot made ahead, as `with_handbook` says.
    fn on_open<T>(&self, f: impl FnOnce(&mut Handbook, &mut Option<Snapshot>) -> AppResult<T>) -> AppResult<T> {
        let mut guard = self.handbook.lock().unwrap_or_else(|poisoned| {
            let mut guard = poisoned.into_inner();
            *guard = Open::default();
            guard
        });
        self.handbook.clear_poison();
        let open = &mut *guard;
        if open.handbook.is_none() {
            open.handbook = Some(Handbook::open(self.home.clone())?);
        }
        let Some(handbook) = open.handbook.as_mut() else {
            return Err(AppError::new(ErrorCode::Internal, "数据文件夹未能打开"));
        };
        match catch_unwind(AssertUnwindSafe(|| f(handbook, &mut open.first_screen))) {
            Ok(result) => result,
            Err(_) => {
                *guard = Open::default();
                Err(AppError::crashed())
            }
        }
    }

    pub fn request_cancel(&self, cancel: bool) {
        self.cancel_export.store(cancel, Ordering::SeqCst);
    }

    pub fn cancel_requested(&self) -> bool {
        self.cancel_export.load(Ordering::SeqCst)
    }

    /// Makes exports skip the save dialog and write to `path`.
    pub fn save_exports_to(&self, path: PathBuf) {
        if let Ok(mut s) = self.save_to.lock() {
            *s = Some(path);
        }
    }

    pub fn fixed_save_path(&self) -> Option<PathBuf> {
        self.save_to.lock().ok().and_then(|s| s.clone())
    }

    pub fn set_last_export(&self, path: PathBuf) {
        if let Ok(mut last) = self.last_export.lock() {
            *last = Some(path);
        }
    }

    pub fn last_export(&self) -> Option<PathBuf> {
        self.last_export.lock().ok().and_then(|l| l.clone())
    }

    /// Keeps dropped files and returns the token that names them.
    pub fn drop_files(&self, paths: Vec<PathBuf>) -> u32 {
        let Ok(mut d) = self.dropped.lock() else { return 0 };
        d.token = d.token.wrapping_add(1);
        d.paths = paths;
        d.token
    }

    /// The files last dropped, left for a later `take_dropped` (a certificate read before the
    /// record it suggests is saved, then attached to it).
    pub fn peek_dropped(&self, token: u32) -> AppResult<Vec<PathBuf>> {
        let d = self.dropped.lock().unwrap_or_else(PoisonError::into_inner);
        if d.token != token || d.paths.is_empty() {
            return Err(AppError::input("拖入的文件已失效，请重新拖入"));
        }
        Ok(d.paths.clone())
    }

    /// The files of a drop, once; an old or unknown token gives an error.
    pub fn take_dropped(&self, token: u32) -> AppResult<Vec<PathBuf>> {
        let mut d = self.dropped.lock().unwrap_or_else(PoisonError::into_inner);
        if d.token != token || d.paths.is_empty() {
            return Err(AppError::input("拖入的文件已失效，请重新拖入"));
        }
        Ok(std::mem::take(&mut d.paths))
    }

    /// Makes 从文件夹读取证书 read `dir` without asking (tests).
    #[cfg(test)]
    pub fn read_certificates_in(&self, dir: PathBuf) {
        if let Ok(mut d) = self.certificates_in.lock() {
            *d = Some(dir);
        }
    }

    pub fn fixed_certificate_folder(&self) -> Option<PathBuf> {
        self.certificates_in.lock().ok().and_then(|d| d.clone())
    }

    /// Keeps the files of a folder read for the review table and returns the token that names them.
    pub fn keep_scanned(&self, files: Vec<PathBuf>) -> u32 {
        let mut s = self.scanned.lock().unwrap_or_else(PoisonError::into_inner);
        s.token = s.token.wrapping_add(1);
        s.files = files.into_iter().map(Some).collect();
        s.token
    }

    /// The file `index` of the folder read as `token`, while its record is not yet saved.
    pub fn scanned_file(&self, token: u32, index: u32) -> AppResult<PathBuf> {
        let s = self.scanned.lock().unwrap_or_else(PoisonError::into_inner);
        if s.token != token {
            return Err(AppError::input("这份读取结果已失效，请重新从文件夹读取证书"));
        }
        match s.files.get(index as usize) {
            Some(Some(path)) => Ok(path.clone()),
            Some(None) => Err(AppError::input("这份证书已经保存为记录，不会再保存一次")),
            None => Err(AppError::input("文件夹中没有这份证书，请重新从文件夹读取证书")),
        }
    }

    /// The file `index` of the folder read as `token` now has its record.
    pub fn scanned_saved(&self, token: u32, index: u32) {
        let mut s = self.scanned.lock().unwrap_or_else(PoisonError::into_inner);
        if s.token == token
            && let Some(file) = s.files.get_mut(index as usize)
        {
            *file = None;
        }
    }
}
