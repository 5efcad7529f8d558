// PLACEHOLDER — being written (install/uninstall/doctor).
export function install(_args: string[]): number {
  throw new Error('not yet');
}
export function uninstall(_args: string[]): number {
  throw new Error('not yet');
}
export function doctor(_args: string[]): number {
  throw new Error('not yet');
}
