// Generated identities for applicants who sign up without a name or an email. Neutral words only:
// a username must not say anything about its owner or why they are here.
import crypto from "node:crypto";

const ADJECTIVES = [
  "quiet",
  "amber",
  "brisk",
  "calm",
  "clear",
  "cool",
  "deep",
  "early",
  "fair",
  "gentle",
  "golden",
  "green",
  "grey",
  "high",
  "kind",
  "late",
  "light",
  "lively",
  "long",
  "lucky",
  "mild",
  "misty",
  "near",
  "new",
  "north",
  "odd",
  "pale",
  "plain",
  "proud",
  "quick",
  "rapid",
  "rare",
  "round",
  "royal",
  "rustic",
  "sandy",
  "sharp",
  "shy",
  "silent",
  "silver",
  "simple",
  "slow",
  "small",
  "smooth",
  "soft",
  "south",
  "spare",
  "steady",
  "still",
  "stony",
  "sunny",
  "swift",
  "tall",
  "tidy",
  "true",
  "vast",
  "warm",
  "west",
  "white",
  "wide",
  "wild",
  "windy",
  "wise",
  "young",
];
const NOUNS = [
  "river",
  "birch",
  "meadow",
  "harbor",
  "falcon",
  "forest",
  "garden",
  "hill",
  "island",
  "lake",
  "lantern",
  "maple",
  "marsh",
  "moon",
  "oak",
  "orchard",
  "otter",
  "owl",
  "path",
  "pine",
  "pond",
  "rain",
  "reed",
  "ridge",
  "robin",
  "rowan",
  "sail",
  "shore",
  "sky",
  "snow",
  "sparrow",
  "spring",
  "star",
  "stone",
  "stream",
  "summer",
  "swan",
  "thistle",
  "thunder",
  "tide",
  "trail",
  "valley",
  "wave",
  "willow",
  "wind",
  "winter",
  "wolf",
  "wren",
  "acorn",
  "aspen",
  "badger",
  "beacon",
  "brook",
  "canyon",
  "cedar",
  "cliff",
  "cloud",
  "comet",
  "crane",
  "delta",
  "dune",
  "elm",
  "fern",
  "field",
];

const pick = <T>(list: readonly T[]) => list[crypto.randomInt(list.length)]!;

export function generateUsername(): string {
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${crypto.randomInt(1000, 10000)}`;
}

export const USERNAME_PATTERN = /^[a-z]+-[a-z]+-\d{4}$/;

// No 0/O, 1/I/L: codes are copied by hand.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** Recovery codes carry ~59 bits of randomness, so a plain SHA-256 is enough (no slow hash needed). */
export function hashRecoveryCode(code: string): string {
  return crypto.createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}
