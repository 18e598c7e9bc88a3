import { ReadError } from './types.js';

/** `无法读取文件「x」：reason`. */
export function readError(file: string, reason: string): ReadError {
  return new ReadError(file, `无法读取文件「${file}」：${reason}`);
}

export const DAMAGED = '文件已损坏或不是电子表格';

/** Library message in parentheses, first line only, so that no stack trace reaches users. */
export function detail(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.split('\n')[0].trim();
  return line ? `（${line.slice(0, 200)}）` : '';
}

/** Errors thrown by the file system, in Chinese. */
export function fsError(file: string, err: unknown): ReadError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return readError(file, '文件不存在');
    case 'EISDIR':
      return readError(file, '这是一个文件夹，不是文件');
    case 'EACCES':
    case 'EPERM':
      return readError(file, '没有读取该文件的权限');
    case 'EMFILE':
    case 'ENFILE':
      return readError(file, `同时打开的文件过多，请稍后重试${detail(err)}`);
    default:
      return readError(file, `读取时出错${detail(err)}`);
  }
}

/**
 * Any error met while reading `file` (a library's, the file system's) as a ReadError. `what` says what was
 * being read, e.g. `工作表「名单」`; `fallback` is the reason given when the error is a library's.
 */
export function wrapError(file: string, err: unknown, fallback: string = DAMAGED, what = ''): ReadError {
  if (err instanceof ReadError) return err;
  if ((err as NodeJS.ErrnoException | undefined)?.syscall) return fsError(file, err);
  const text = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(text)) return readError(file, '文件设有密码保护，请在 Excel 中取消密码后重新保存');
  return readError(file, `${what}${fallback}${detail(err)}`);
}
