/** What the hardship tests share: tiny documents the function accepts, and the clock of a test file. */

/** A 1×1 PNG, and the start of a PDF (the function checks the signatures). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** An instant of a Shanghai day ("2026-06-01", "10:00"), for the emulator's clock. */
export const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`).toISOString();
