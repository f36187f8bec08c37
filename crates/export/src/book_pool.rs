//! The evidence book's files made ready on every core: the files are read one after another on
//! the calling thread (the evidence source is not shared between threads) and handed to
//! [`MAX_WORKERS`] at most threads that decode and scale them, with only a few files in flight
//! so that memory stays flat however many photos the book holds.

use std::num::NonZero;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::book_files::{PhotoSize, Prepared, prepare};
use crate::error::ExportError;

/// Threads preparing photos at once. A phone photo in flight holds its file (about 3 MB) and its
/// copy decoded at half size (about 9 MB) while it is scaled; each worker has one and one more
/// waits for it, so at most `2 × MAX_WORKERS + 1` files are in memory besides the finished ones.
pub const MAX_WORKERS: usize = 4;

/// One evidence file of the book.
pub(crate) enum Job {
    /// Known without reading a file (a page saying the file is missing).
    Done(Prepared),
    /// A file to make ready: its content type as the package names it, its content and where the
    /// original is in the package.
    File { ext: &'static str, bytes: Vec<u8>, place: String },
}

/// Makes every job ready, in the order given. `jobs` is pulled on this thread, as the workers
/// take the files; its first error stops the work and is returned.
pub(crate) fn prepare_all(
    jobs: impl Iterator<Item = Result<Job, ExportError>>,
    size: PhotoSize,
) -> Result<Vec<Prepared>, ExportError> {
    let workers = thread::available_parallelism().map_or(1, NonZero::get).clamp(1, MAX_WORKERS);
    let mut ready: Vec<Option<Prepared>> = Vec::new();
    thread::scope(|scope| {
        let (to_workers, queue) = mpsc::sync_channel::<(usize, Job)>(workers);
        let queue = Arc::new(Mutex::new(queue));
        let (done, finished) = mpsc::channel::<(usize, Prepared)>();
        for _ in 0..workers {
            let (queue, done) = (Arc::clone(&queue), done.clone());
            scope.spawn(move || work(&queue, &done, size));
        }
        drop(done);
        for (index, job) in jobs.enumerate() {
            ready.push(None);
            match job? {
                Job::Done(prepared) => ready[index] = Some(prepared),
                file => {
                    if to_workers.send((index, file)).is_err() {
                        break;
                    }
                }
            }
            while let Ok((index, prepared)) = finished.try_recv() {
                ready[index] = Some(prepared);
            }
        }
        drop(to_workers);
        for (index, prepared) in finished {
            ready[index] = Some(prepared);
        }
        Ok::<(), ExportError>(())
    })?;
    let count = ready.len();
    let prepared: Vec<Prepared> = ready.into_iter().flatten().collect();
    if prepared.len() != count {
        return Err(ExportError::EvidenceBook("有证明材料没有处理完，请重新导出。".to_owned()));
    }
    Ok(prepared)
}

/// A worker: takes the next file until there is none, makes it ready and sends it back.
fn work(queue: &Mutex<Receiver<(usize, Job)>>, done: &mpsc::Sender<(usize, Prepared)>, size: PhotoSize) {
    loop {
        let next = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((index, job)) = next else { return };
        let prepared = match job {
            Job::Done(prepared) => prepared,
            Job::File { ext, bytes, place } => prepare(ext, bytes, &place, size),
        };
        if done.send((index, prepared)).is_err() {
            return;
        }
    }
}
