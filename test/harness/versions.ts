/** The Kafka version the harness starts unless KAFKA_VERSION or an option says otherwise. */
export const DEFAULT_KAFKA_VERSION = '3.9.1';

/** Major and minor of a version such as "3.9.1" or "4.1.1". */
export function parseVersion(version: string): { major: number; minor: number } {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version);
  if (!match) throw new Error(`not a Kafka version: "${version}" (expected e.g. 3.9.1)`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** True when `version` is at least `major.minor`. */
export function atLeast(version: string, major: number, minor: number): boolean {
  const v = parseVersion(version);
  return v.major > major || (v.major === major && v.minor >= minor);
}

/** Kafka before 3.3 has no production-ready KRaft: the harness runs it with ZooKeeper. */
export function usesZooKeeper(version: string): boolean {
  return !atLeast(version, 3, 3);
}

/** Kafka 4 logs through Log4j 2; earlier versions through reload4j (Log4j 1 API). */
export function usesLog4j2(version: string): boolean {
  return atLeast(version, 4, 0);
}

/** Oldest Java a broker of this version runs on. */
export function minimumJava(version: string): number {
  return atLeast(version, 4, 0) ? 17 : 11;
}
