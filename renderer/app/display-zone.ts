/** The seller's time zone for wording outside React (error messages); the store keeps it current. */
let displayZone = 'Asia/Shanghai';

export function displayTimeZone(): string {
  return displayZone;
}

export function setDisplayTimeZone(timeZone: string): void {
  displayZone = timeZone;
}
