//! The per-document guard: runs one function over a batch of documents on
//! worker threads, each call under `catch_unwind` and a time budget.
//!
//! Rust cannot stop a running computation, so a document over its time
//! budget is given up on, not killed: its result is recorded as
//! [`Guarded::TimedOut`] at once, the batch goes on, and a fresh worker
//! replaces the one still busy with it (which ends on its own later and
//! whose result is dropped). Parallelism therefore stays what was asked
//! for, and one slow document never holds back the results of the others.
//! Every stage is also bounded in size (bytes, sentences, mentions), so a
//! given-up worker does finish.
//!
//! No crate offers this (rayon jobs cannot be abandoned; an async runtime
//! cannot preempt CPU work), hence this small pool.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Workers still running past their budget, over all batches: past this
/// many, no replacement is started and the batch waits for a worker to
/// come back, so a flood of slow documents cannot spawn threads without
/// bound.
const MAX_ABANDONED: usize = 64;

static ABANDONED: AtomicUsize = AtomicUsize::new(0);

/// The outcome of one guarded call.
#[derive(Debug, PartialEq, Eq)]
pub enum Guarded<T> {
    /// The call returned.
    Done(T),
    /// The call panicked.
    Panicked,
    /// The call ran past the time budget and was given up on.
    TimedOut,
}

struct Shared<I> {
    queue: Mutex<VecDeque<(usize, I)>>,
    jobs: Mutex<Vec<Job>>,
}

#[derive(Clone, Copy, Default)]
struct Job {
    /// When the job started, if it has.
    started: Option<Instant>,
    /// Given up on: its worker was replaced.
    abandoned: bool,
}

/// Calls `f` on every item on `threads` worker threads; results come back
/// in input order. A call that runs longer than `budget` (`None`: no
/// limit) is reported as [`Guarded::TimedOut`].
///
/// ```
/// use crosswire_ingest::guard::{map_guarded, Guarded};
/// use std::time::Duration;
///
/// let out = map_guarded(vec![1u64, 2, 3], 2, Some(Duration::from_secs(5)), |x| x * 10);
/// assert_eq!(out, vec![Guarded::Done(10), Guarded::Done(20), Guarded::Done(30)]);
/// ```
pub fn map_guarded<I, O, F>(
    items: Vec<I>,
    threads: usize,
    budget: Option<Duration>,
    f: F,
) -> Vec<Guarded<O>>
where
    I: Send + 'static,
    O: Send + 'static,
    F: Fn(I) -> O + Send + Sync + 'static,
{
    let n = items.len();
    if n == 0 {
        return Vec::new();
    }
    let shared = Arc::new(Shared {
        queue: Mutex::new(items.into_iter().enumerate().collect()),
        jobs: Mutex::new(vec![Job::default(); n]),
    });
    let f = Arc::new(f);
    let (tx, rx) = mpsc::channel::<(usize, Guarded<O>)>();
    let spawn = |shared: &Arc<Shared<I>>, tx: &mpsc::Sender<(usize, Guarded<O>)>| {
        let (shared, tx, f) = (shared.clone(), tx.clone(), f.clone());
        std::thread::Builder::new()
            .name("crosswire-worker".into())
            .spawn(move || worker(&shared, &tx, &*f))
            .is_ok()
    };
    let mut running = 0;
    for _ in 0..threads.clamp(1, n) {
        if spawn(&shared, &tx) {
            running += 1;
        }
    }
    if running == 0 {
        // No thread could be started: do the work here, unguarded by time.
        let jobs: Vec<(usize, I)> = lock(&shared.queue).drain(..).collect();
        return jobs
            .into_iter()
            .map(
                |(_, item)| match catch_unwind(AssertUnwindSafe(|| f(item))) {
                    Ok(o) => Guarded::Done(o),
                    Err(_) => Guarded::Panicked,
                },
            )
            .collect();
    }
    let mut results: Vec<Option<Guarded<O>>> = (0..n).map(|_| None).collect();
    let mut left = n;
    while left > 0 {
        let wait = budget.map_or(Duration::from_secs(3600), |b| {
            next_deadline(&shared, &results, b)
                .map_or(b, |d| d.saturating_duration_since(Instant::now()))
        });
        match rx.recv_timeout(wait.max(Duration::from_millis(1))) {
            Ok((i, outcome)) => {
                if results[i].is_none() {
                    results[i] = Some(outcome);
                    left -= 1;
                } else {
                    // Given up on just as it finished: that worker goes on
                    // with the queue, so its place is back.
                    ABANDONED.fetch_sub(1, Ordering::AcqRel);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let Some(budget) = budget else { continue };
                let now = Instant::now();
                let mut late = Vec::new();
                for (i, job) in lock(&shared.jobs).iter_mut().enumerate() {
                    let over = job.started.is_some_and(|t| now.duration_since(t) >= budget);
                    if results[i].is_none() && over {
                        job.abandoned = true;
                        late.push(i);
                    }
                }
                for i in late {
                    results[i] = Some(Guarded::TimedOut);
                    left -= 1;
                    // The worker still busy with it gives its place back
                    // when it ends (see `worker`).
                    let busy = ABANDONED.fetch_add(1, Ordering::AcqRel);
                    if left > 0 && busy < MAX_ABANDONED {
                        spawn(&shared, &tx);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or(Guarded::Panicked))
        .collect()
}

/// The earliest moment a started, unfinished job runs out of time.
fn next_deadline<I, O>(
    shared: &Shared<I>,
    results: &[Option<Guarded<O>>],
    budget: Duration,
) -> Option<Instant> {
    lock(&shared.jobs)
        .iter()
        .enumerate()
        .filter(|(i, _)| results[*i].is_none())
        .filter_map(|(_, j)| j.started.map(|t| t + budget))
        .min()
}

fn worker<I, O>(shared: &Shared<I>, tx: &mpsc::Sender<(usize, Guarded<O>)>, f: &dyn Fn(I) -> O) {
    loop {
        let Some((i, item)) = lock(&shared.queue).pop_front() else {
            return;
        };
        if let Some(job) = lock(&shared.jobs).get_mut(i) {
            job.started = Some(Instant::now());
        }
        let outcome = match catch_unwind(AssertUnwindSafe(|| f(item))) {
            Ok(o) => Guarded::Done(o),
            Err(_) => Guarded::Panicked,
        };
        let abandoned = lock(&shared.jobs).get(i).is_some_and(|j| j.abandoned);
        if abandoned {
            // A replacement took this worker's place; it ends here.
            ABANDONED.fetch_sub(1, Ordering::AcqRel);
            return;
        }
        if tx.send((i, outcome)).is_err() {
            return;
        }
    }
}

/// Locks a mutex, taking over its data when another thread panicked while
/// holding it (the data here is plain bookkeeping, valid either way).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_call_is_given_up_on_and_the_rest_come_back() {
        let start = Instant::now();
        let out = map_guarded(
            vec![0u64, 5000, 1, 2, 3],
            2,
            Some(Duration::from_millis(300)),
            |ms| {
                std::thread::sleep(Duration::from_millis(ms));
                ms
            },
        );
        assert_eq!(
            out,
            vec![
                Guarded::Done(0),
                Guarded::TimedOut,
                Guarded::Done(1),
                Guarded::Done(2),
                Guarded::Done(3)
            ]
        );
        assert!(start.elapsed() < Duration::from_secs(4));
    }

    #[test]
    fn a_panic_is_contained() {
        let out = map_guarded(vec![1, 0, 2], 1, None, |x: u32| {
            assert!(x != 0, "boom");
            x
        });
        assert_eq!(
            out,
            vec![Guarded::Done(1), Guarded::Panicked, Guarded::Done(2)]
        );
    }
}
