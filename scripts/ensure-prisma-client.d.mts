export function prismaClientIsStale(root?: string): boolean;
export function ensurePrismaClient(options?: { root?: string; log?: (message: string) => void }): boolean;
