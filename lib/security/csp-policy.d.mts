export function policy(scriptSrc: string): string;
