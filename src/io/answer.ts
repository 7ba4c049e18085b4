/**
 * One line typed on stdin (without its line end), or null when stdin ends or the signal fires
 * first. Used for confirmations on a terminal; stdin is paused again afterwards.
 */
export function readAnswer(stdin: NodeJS.ReadableStream, signal: AbortSignal): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    const done = (answer: string | null) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onEnd);
      signal.removeEventListener('abort', onEnd);
      stdin.pause();
      resolve(answer);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) done(text.slice(0, end).replace(/\r$/, ''));
    };
    const onEnd = () => done(null);
    if (signal.aborted) return resolve(null);
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onEnd);
    signal.addEventListener('abort', onEnd, { once: true });
    stdin.resume();
  });
}
