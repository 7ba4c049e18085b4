import type { Argument, Command, Option } from 'commander';
import { t } from '../../i18n/index.js';

/** One thing the shell may offer, with the help text that zsh and fish show beside it. */
export interface Candidate {
  value: string;
  description?: string;
}

/** What the word under the cursor wants: fixed words, file names, or names only the cluster knows. */
export type Wanted =
  | { kind: 'words'; candidates: Candidate[]; noSpace?: boolean }
  | { kind: 'files' }
  | { kind: 'topics' }
  | { kind: 'groups' };

/** The flags typed so far that choose a cluster, so names come from the one the command would use. */
export interface TypedConnection {
  config?: string;
  profile?: string;
  bootstrapServers?: string;
  property: string[];
}

export interface CompletionRequest {
  wanted: Wanted;
  /** The part of the current word that candidates must start with (after `--flag=`). */
  prefix: string;
  /** Put back before each candidate: `--from=` when the value is completed inside one word. */
  insert: string;
  connection: TypedConnection;
}

// The words among the positions (-N, OFFSET, @MS and dates are typed); described in the run's language.
const positionWords = (): Candidate[] => [
  { value: 'earliest', description: t.cli.completeEarliest },
  { value: 'latest', description: t.cli.completeLatest },
];
const matchFields = (): Candidate[] => [
  { value: 'key:', description: t.cli.completeKey },
  { value: 'value:', description: t.cli.completeValue },
  { value: 'header.', description: t.cli.completeHeader },
];

/**
 * What a flag's value is, by the flag's name, where commander's tree cannot say (it knows only
 * `.choices()`). Names, not commands: a new command's `--topic` or `<group>` is completed too.
 */
function optionValues(option: Option, propertyNames: () => string[]): Wanted | null {
  const choices = option.argChoices;
  if (choices) return words(choices.map((value) => ({ value })));
  switch (option.attributeName()) {
    case 'topic':
      return { kind: 'topics' };
    case 'group':
      return { kind: 'groups' };
    case 'from':
    case 'to':
      return words(positionWords());
    case 'match':
      return words(matchFields(), true);
    case 'config':
      // `topic create --config name=value` takes topic configs, not a file.
      return /name=value/.test(option.flags) ? null : { kind: 'files' };
    case 'file':
    case 'junit':
      return { kind: 'files' };
    case 'property':
      return words(propertyNames().map((value) => ({ value: `${value}=` })), true);
    default:
      return null;
  }
}

function argumentValues(argument: Argument, command: Command): Wanted | null {
  const choices = argument.argChoices;
  if (choices) return words(choices.map((value) => ({ value })));
  const name = argument.name();
  if (/^topics?$/.test(name)) return { kind: 'topics' };
  if (/^groups?$/.test(name)) return { kind: 'groups' };
  // `ckafka help <command>`
  if (name === 'command' && command.parent) return commandWords(command.parent);
  return null;
}

const words = (candidates: Candidate[], noSpace = false): Wanted => ({ kind: 'words', candidates, ...(noSpace ? { noSpace } : {}) });

function commandWords(command: Command): Wanted {
  const help = command.createHelp();
  return words(help.visibleCommands(command).map((c) => ({ value: c.name(), description: help.subcommandDescription(c) })));
}

/** Every option the command accepts: its own, hidden ones, and the help option --help lists. */
function optionsOf(command: Command): Option[] {
  const visible = command.createHelp().visibleOptions(command);
  return [...new Set([...command.options, ...visible])];
}

function findOption(command: Command, flag: string): Option | undefined {
  return optionsOf(command).find((o) => o.long === flag || o.short === flag);
}

const takesValue = (o: Option) => o.required || o.optional;

/**
 * Works out what the last word wants from the words before it, walking commander's own tree (the
 * one --help prints), so completion never drifts from the commands and flags that exist.
 */
export function completionRequest(root: Command, typed: readonly string[], propertyNames: () => string[] = () => []): CompletionRequest {
  const all = typed.length === 0 ? [''] : typed;
  const current = all[all.length - 1] as string;
  const connection: TypedConnection = { property: [] };
  let command = root;
  let positional = 0;
  let pending: Option | undefined;
  let onlyArguments = false;
  /** After `help` (commander's own command, not in the tree): the command whose subcommands it takes. */
  let helpFor: Command | undefined;

  const remember = (option: Option, value: string) => {
    const name = option.attributeName();
    if (name === 'property') connection.property.push(value);
    else if (name === 'config' && optionValues(option, propertyNames)?.kind === 'files') connection.config = value;
    else if (name === 'profile' || name === 'bootstrapServers') connection[name] = value;
  };

  for (const word of all.slice(0, -1)) {
    if (pending) {
      remember(pending, word);
      pending = undefined;
      continue;
    }
    if (!onlyArguments && word === '--') {
      onlyArguments = true;
      continue;
    }
    if (!onlyArguments && word.startsWith('-') && word.length > 1) {
      const eq = word.indexOf('=');
      if (word.startsWith('--') && eq > 0) {
        const option = findOption(command, word.slice(0, eq));
        if (option) remember(option, word.slice(eq + 1));
        continue;
      }
      const option = findOption(command, word.startsWith('--') ? word : word.slice(0, 2));
      if (!option || !takesValue(option)) continue;
      // `-tNAME` carries its value; `-t NAME` takes the next word.
      if (!word.startsWith('--') && word.length > 2) remember(option, word.slice(2));
      else pending = option;
      continue;
    }
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub && positional === 0) {
      command = sub;
      continue;
    }
    if (word === 'help' && command.commands.length > 0 && positional === 0) helpFor = command;
    positional += 1;
  }

  const request = (wanted: Wanted | null, prefix = current, insert = ''): CompletionRequest => ({
    wanted: wanted ?? { kind: 'words', candidates: [] },
    prefix,
    insert,
    connection,
  });

  if (pending) return request(optionValues(pending, propertyNames));
  if (!onlyArguments && current.startsWith('--') && current.includes('=')) {
    const eq = current.indexOf('=');
    const option = findOption(command, current.slice(0, eq));
    const wanted = option && takesValue(option) ? optionValues(option, propertyNames) : null;
    return request(wanted, current.slice(eq + 1), current.slice(0, eq + 1));
  }
  if (!onlyArguments && current.startsWith('-')) {
    const help = command.createHelp();
    const flags: Candidate[] = [];
    for (const o of help.visibleOptions(command)) {
      const description = help.optionDescription(o);
      if (o.long) flags.push({ value: o.long, description });
      if (o.short && !current.startsWith('--')) flags.push({ value: o.short, description });
    }
    return request(words(flags));
  }
  if (command.commands.length > 0 && positional === 0) return request(commandWords(command));
  if (helpFor && positional === 1) {
    const names = commandWords(helpFor);
    return request(names.kind === 'words' ? words(names.candidates.filter((c) => c.value !== 'help')) : null);
  }
  const args = command.registeredArguments;
  const argument = args[Math.min(positional, args.length - 1)];
  if (!argument || (positional >= args.length && !argument.variadic)) return request(null);
  return request(argumentValues(argument, command));
}

/** The candidates that fit the word typed so far, each with what goes back in front of it. */
export function fitting(request: CompletionRequest, names: readonly string[] = []): Candidate[] {
  const { wanted, prefix, insert } = request;
  const all: Candidate[] =
    wanted.kind === 'words'
      ? wanted.candidates
      : wanted.kind === 'files'
        ? []
        : names
            // Internal topics (__consumer_offsets) only when asked for by their leading underscore.
            .filter((n) => !n.startsWith('__') || prefix.startsWith('_'))
            .map((value) => ({ value }));
  // A word that only starts something (`value:`, `acks=`) is done once typed: the rest is free text.
  const done = (c: Candidate) => wanted.kind === 'words' && wanted.noSpace === true && c.value === prefix;
  return all.filter((c) => c.value.startsWith(prefix) && !done(c)).map((c) => ({ ...c, value: insert + c.value }));
}
