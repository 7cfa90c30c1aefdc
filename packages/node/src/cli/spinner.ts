const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A stream the spinner can draw on. */
export interface SpinnerOutput {
  isTTY?: boolean | undefined;
  write(text: string): boolean;
}

/** A one-character activity indicator; stop() erases it. */
export interface Spinner {
  stop(): void;
}

/**
 * Starts a spinner on `output` (stderr) until the first token arrives. Draws nothing when the stream
 * is not a terminal, so pipes and logs stay clean.
 */
export function startSpinner(output: SpinnerOutput, label = 'thinking'): Spinner {
  if (!output.isTTY) return { stop() {} };
  let frame = 0;
  const draw = () => {
    output.write(`\r${FRAMES[frame % FRAMES.length]} ${label}`);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, 80);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      output.write('\r\x1b[K');
    },
  };
}
