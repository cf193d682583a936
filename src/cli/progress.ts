// Progress on stderr: a redrawn bar on a terminal, a line every few files otherwise; silent for one file.
export function progressBar(label: string): (done: number, total: number, current: string) => void {
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  return (done, total, current) => {
    if (total <= 1) return;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${current.slice(-40).padEnd(40)}`);
      if (done === total) process.stderr.write('\n');
    } else if (done === total || Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
}
