#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps tesseract's OpenMP to the calling thread.
///
/// Tesseract runs parts of a page on OpenMP threads. foiapipe already reads one page per
/// core, so those threads would fight the workers for the cores (and spin while waiting).
/// `OMP_THREAD_LIMIT=1` stops them, but OpenMP reads it once, when the library loads before
/// `main`, so it took a second start of the whole process (about 0.13 s, a fifth of the time
/// `pdftotext` needs for 400 pages). Instead each worker sets its own
/// `max-active-levels` to 0, which makes every parallel region it starts run on the thread
/// itself (libgomp keeps this setting per thread for threads it did not create).
enum OpenMP {
    private typealias SetMaxActiveLevels = @convention(c) (Int32) -> Void

    /// `omp_set_max_active_levels`, from the libgomp that tesseract loaded (nil without OpenMP).
    private static let setMaxActiveLevels: SetMaxActiveLevels? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "omp_set_max_active_levels") else {
            return nil
        }
        return unsafeBitCast(symbol, to: SetMaxActiveLevels.self)
    }()

    /// Runs OpenMP regions started from this thread on this thread alone.
    static func keepToThisThread() {
        setMaxActiveLevels?(0)
    }
}
