import { Help, type Argument, type HelpConfiguration, type Option } from 'commander';
import { t } from '../i18n/index.js';

/**
 * commander's help in the current language: its titles and the bracket after a description
 * (choices, default) from the catalog, and lines wrapped by terminal columns, where a Chinese
 * character takes two and a line may break between two of them (commander counts one per
 * character and breaks only at spaces). Text without wide characters comes out as commander's.
 */
export function helpConfiguration(): HelpConfiguration {
  return {
    styleTitle: (title: string) => TITLES[title]?.() ?? title,
    formatHelp(cmd, helper) {
      const text = Help.prototype.formatHelp.call(this as Help, cmd, helper);
      // The usage line is "Usage: ckafka …" with commander's title; the catalog writes the whole line.
      const usage = helper.styleUsage(helper.commandUsage(cmd));
      const first = `${helper.styleTitle('Usage:')} ${usage}`;
      return text.startsWith(first) ? t.cli.helpUsage(usage) + text.slice(first.length) : text;
    },
    optionDescription: (option: Option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t.cli.helpChoices(choices(option.argChoices)));
      // As commander: a default is shown for options that take a value, and booleans set to a boolean.
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (option.defaultValue !== undefined && showDefault) extra.push(t.cli.helpDefault(defaultText(option)));
      if (option.presetArg !== undefined && option.optional) extra.push(t.cli.helpPreset(JSON.stringify(option.presetArg)));
      if (option.envVar !== undefined) extra.push(t.cli.helpEnv(option.envVar));
      return withExtra(option.description, extra);
    },
    argumentDescription: (argument: Argument) => {
      const extra: string[] = [];
      if (argument.argChoices) extra.push(t.cli.helpChoices(choices(argument.argChoices)));
      if (argument.defaultValue !== undefined) extra.push(t.cli.helpDefault(defaultText(argument)));
      return withExtra(argument.description, extra);
    },
    displayWidth: (text: string) => columns(stripStyle(text)),
    boxWrap(text: string, width: number) {
      return wrap(text, width, this.minWidthToWrap ?? MIN_WIDTH_TO_WRAP, (s) => columns(stripStyle(s)));
    },
  };
}

/** commander's default: narrower than this, a description is not wrapped. */
const MIN_WIDTH_TO_WRAP = 40;

// Read when the help is written (the language is chosen per run).
const TITLES: Record<string, () => string> = {
  'Arguments:': () => t.cli.helpTitleArguments,
  'Options:': () => t.cli.helpTitleOptions,
  'Global Options:': () => t.cli.helpTitleGlobalOptions,
  'Commands:': () => t.cli.helpTitleCommands,
};

const choices = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(t.common.listSeparator);

const defaultText = (item: Option | Argument) => item.defaultValueDescription || JSON.stringify(item.defaultValue);

function withExtra(description: string, extra: string[]): string {
  if (extra.length === 0) return description;
  const joined = extra.join(t.cli.helpExtraSeparator);
  return description ? t.cli.helpWithExtra(description, joined) : t.cli.helpExtraOnly(joined);
}

// eslint-disable-next-line no-control-regex -- SGR sequences, as commander strips them
const stripStyle = (text: string) => text.replace(/\x1b\[\d*(;\d*)*m/g, '');

/** East Asian wide and full-width characters: two terminal columns each. */
const WIDE = '\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'g');

/** Terminal columns of a line without styles. */
export function columns(text: string): number {
  return text.length + (text.match(WIDE_CHAR)?.length ?? 0);
}

// Chinese punctuation that must not start a line, and that must not end one.
const CLOSING = '，。、；：！？）》」』】〉”’';
const OPENING = '（《「『【〈“‘';
/**
 * The pieces a line may break between: spaces and the text up to the next space (as commander),
 * except that wide characters are pieces of their own, an opening bracket held to what follows
 * and closing punctuation to what precedes.
 */
const CHUNK = new RegExp(`\\s*[${OPENING}]*(?:[^\\s${WIDE}]+|[${WIDE}])[${CLOSING}]*`, 'g');

/** commander's Help.boxWrap, breaking at CHUNK's pieces and measuring by columns. */
export function wrap(text: string, width: number, minWidth: number, measure: (s: string) => number): string {
  if (width < minWidth) return text;
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(CHUNK);
    if (chunks === null) {
      lines.push('');
      continue;
    }
    let current = [chunks.shift() as string];
    let used = measure(current[0] as string);
    for (const chunk of chunks) {
      const w = measure(chunk);
      if (used + w <= width) {
        current.push(chunk);
        used += w;
        continue;
      }
      lines.push(current.join(''));
      const next = chunk.trimStart();
      current = [next];
      used = measure(next);
    }
    lines.push(current.join(''));
  }
  return lines.join('\n');
}
