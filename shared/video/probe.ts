// Reads what `ffmpeg -i <file>` prints about an input (it has no ffprobe in the shipped package):
// duration, creation_time, the first video stream's codec and size, and why it could not be read.
// Pure so it is table-tested on captured output.

export interface ProbeInfo {
  /** Null when the container does not state it (MediaRecorder's WebM says "N/A"). */
  durationSec: number | null;
  creationTime: string | null;
  video: { codec: string; width: number; height: number; rotation: number } | null;
  /** A plain reason the input cannot be read at all, or null when ffmpeg opened it. */
  unreadable: string | null;
}

const FATAL: Array<[RegExp, string]> = [
  [/moov atom not found/iu, 'the file is incomplete (truncated recording: the index at its end is missing)'],
  [/Invalid data found when processing input/iu, 'the file is not a video ffmpeg recognises, or it is damaged'],
  [/End of file/iu, 'the file ends before any video data'],
  [/could not find codec parameters|Could not find codec parameters/iu, 'the video stream is damaged'],
];

export function parseProbe(stderr: string): ProbeInfo {
  const duration = /^\s*Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/mu.exec(stderr);
  const durationSec = duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : null;
  // The first creation_time is the container's (format-level metadata precedes the streams').
  const creation = /^\s*creation_time\s*:\s*(\S.*?)\s*$/mu.exec(stderr);
  const stream = /Stream #\d+:\d+.*?: Video: ([a-z0-9_]+)[^\n]*?, (\d{2,5})x(\d{2,5})/u.exec(stderr);
  const rotate = /^\s*rotate\s*:\s*(-?\d+)/mu.exec(stderr) ?? /displaymatrix: rotation of (-?[\d.]+) degrees/u.exec(stderr);
  const fatal = FATAL.find(([re]) => re.test(stderr));
  return {
    durationSec: durationSec !== null && Number.isFinite(durationSec) && durationSec > 0 ? durationSec : null,
    creationTime: creation?.[1] ?? null,
    video: stream ? { codec: stream[1] ?? '', width: Number(stream[2]), height: Number(stream[3]), rotation: rotate ? Math.round(Number(rotate[1])) : 0 } : null,
    unreadable: fatal ? fatal[1] : stream ? null : /Stream #\d+:\d+/u.test(stderr) ? 'the file has no video stream' : 'the file is not a video ffmpeg recognises',
  };
}
