// Preloaded into a server process by the disk-full fault test. A real full
// disk makes write() fail with ENOSPC; the test stands in for it with a file
// size limit (RLIMIT_FSIZE), whose writes fail with EFBIG but which also
// sends SIGXFSZ, killing the process by default. Ignoring the signal leaves
// just the failing write, as on a full disk.
process.on('SIGXFSZ', () => undefined);
