export const WITHOUT_APP_SERVER: string;
export function markAppServer(): void;
export function behindAppServer(): boolean;
export function startRefusal(production: boolean): string | null;
export function refuseToStartWithoutAppServer(production: boolean): void;
