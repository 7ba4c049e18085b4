import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { usesLog4j2 } from './versions.js';

// Per-request and partition state-change lines drown the useful ones in a test log.
const QUIET_LOGGERS = ['kafka.request.logger', 'state.change.logger', 'org.apache.zookeeper', 'kafka.log.LogCleaner'];

/**
 * Writes a logging config that sends everything at INFO to `logFile` and returns the JVM flags
 * that select it: Log4j 2 for Kafka 4, reload4j (the Log4j 1 API) before.
 */
export function writeLogConfig(version: string, dir: string, name: string, logFile: string): string[] {
  if (usesLog4j2(version)) {
    const path = join(dir, `log4j2-${name}.properties`);
    writeFileSync(path, log4j2Properties(logFile));
    return [`-Dlog4j2.configurationFile=${path}`];
  }
  const path = join(dir, `log4j-${name}.properties`);
  writeFileSync(path, log4jProperties(logFile));
  return [`-Dlog4j.configuration=file:${path}`];
}

function log4jProperties(logFile: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${logFile}`,
    'log4j.appender.file.Append=true',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    ...QUIET_LOGGERS.map((logger) => `log4j.logger.${logger}=WARN`),
    '',
  ].join('\n');
}

function log4j2Properties(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${logFile}`,
    'appender.file.append = true',
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = info',
    'rootLogger.appenderRef.file.ref = file',
    ...QUIET_LOGGERS.flatMap((logger, i) => [`logger.quiet${i}.name = ${logger}`, `logger.quiet${i}.level = warn`]),
    '',
  ].join('\n');
}
