import { parseArgs } from 'node:util';
import { backupCommand, restoreCommand } from './commands/backupCommands';
import { exportCommand, type ExportOptions } from './commands/exportCommands';
import { deleteCommand, docsCommand, editCommand, importCommand, originalCommand, parseLanguages, textCommand } from './commands/documentCommands';
import { parseLimit, reindexCommand, searchCommand } from './commands/searchCommands';
import { deadlinesCommand, lawsCommand, parseDays, personsCommand, suggestCommand, tagCommand } from './commands/tagCommands';
import {
  acknowledgeRestoreCommand,
  initCommand,
  passwdCommand,
  recoveryCodeCommand,
  verifyCommand,
  wipeCommand,
  type CommandContext,
} from './commands/vaultCommands';
import { EXIT, UsageError, processIo, reportError, type Io } from './output';
import { takeSecretsFromEnvironment, terminalAsk, type SecretSource } from './prompt';

/**
 * `dalel`: the batch interface over electron/core. Its JSON output is a documented contract
 * (README.md, "Command line"); change it only compatibly.
 */
interface Options extends ExportOptions {
  lang?: string;
  limit?: string;
  days?: string;
  person?: string;
  law?: string;
  acceptAll?: boolean;
  deep?: boolean;
  rotateKey?: boolean;
  confirm?: string;
  yes?: boolean;
  date?: string;
  type?: string;
  notes?: string;
}

interface Command {
  name: string;
  args: string[];
  /** The last argument may repeat (`<path>...`). */
  variadic?: boolean;
  summary: string;
  run(ctx: CommandContext, positionals: string[], options: Options): Promise<number>;
}

const COMMANDS: Command[] = [
  {
    name: 'init',
    args: ['<vault-dir>'],
    summary: 'Create a new encrypted vault in an empty or new folder; prints the recovery code once.',
    run: (ctx, [dir]) => initCommand(ctx, dir!),
  },
  {
    name: 'verify',
    args: ['<vault-dir>'],
    summary:
      'Check every page’s cipher authentication, the database structure, the audit chain and the latest-state record; exit 1 naming each failed check. [--deep: full integrity_check and every original’s SHA-256]',
    run: (ctx, [dir], options) => verifyCommand(ctx, dir!, { deep: options.deep }),
  },
  {
    name: 'passwd',
    args: ['<vault-dir>'],
    summary:
      'Change the vault passphrase (the recovery code keeps working). [--rotate-key: also re-encrypt the vault under a new key and print a new recovery code]',
    run: (ctx, [dir], options) => passwdCommand(ctx, dir!, { rotateKey: options.rotateKey }),
  },
  {
    name: 'recovery-code',
    args: ['<vault-dir>'],
    summary: 'Print a new recovery code; the old one stops opening the vault.',
    run: (ctx, [dir]) => recoveryCodeCommand(ctx, dir!),
  },
  {
    name: 'acknowledge-restore',
    args: ['<vault-dir>'],
    summary: 'After putting an older copy of the vault back on purpose: accept it (recorded in the audit log) so it opens again.',
    run: (ctx, [dir]) => acknowledgeRestoreCommand(ctx, dir!),
  },
  {
    name: 'backup',
    args: ['<vault-dir>', '<file>'],
    summary: 'Back the vault up into one encrypted file (opens only with its passphrase or recovery code); checked and read back, never over an existing file.',
    run: (ctx, [dir, file]) => backupCommand(ctx, dir!, file!),
  },
  {
    name: 'restore',
    args: ['<file>', '<new-vault-dir>'],
    summary: 'Restore a backup into a new, empty folder, after checking every page, original and audit entry in it.',
    run: (ctx, [file, dir]) => restoreCommand(ctx, file!, dir!),
  },
  {
    name: 'wipe',
    args: ['<vault-dir>'],
    summary: 'Destroy the vault: overwrite its files and remove them. Type the folder’s name to confirm (or --confirm NAME).',
    run: (ctx, [dir], options) => wipeCommand(ctx, dir!, { confirm: options.confirm }),
  },
  {
    name: 'import',
    args: ['<vault-dir>', '<path>...'],
    variadic: true,
    summary: 'Import scans and PDFs (folders recursively), OCR them, wait until done. [--lang rus+kaz+eng] A PDF protected with a password opens with DALEL_PDF_PASSWORD.',
    run: (ctx, [dir, ...paths], options) => importCommand(ctx, dir!, paths, parseLanguages(options.lang)),
  },
  {
    name: 'docs',
    args: ['<vault-dir>'],
    summary: 'List the documents in the vault.',
    run: (ctx, [dir]) => docsCommand(ctx, dir!),
  },
  {
    name: 'text',
    args: ['<vault-dir>', '<docId>'],
    summary: 'Print a document’s text per page (with word boxes under --json).',
    run: (ctx, [dir, docId]) => textCommand(ctx, dir!, docId!),
  },
  {
    name: 'edit',
    args: ['<vault-dir>', '<docId>'],
    summary: 'Change a document’s title, date, type or notes: --title T, --date YYYY-MM-DD|none, --type TYPE|none, --notes TEXT.',
    run: (ctx, [dir, docId], options) => editCommand(ctx, dir!, docId!, { title: options.title, date: options.date, type: options.type, notes: options.notes }),
  },
  {
    name: 'delete',
    args: ['<vault-dir>', '<docId>', '[<docId>...]'],
    variadic: true,
    summary: 'Delete documents with their pages, tags, deadlines and place in bundles; asks first (--yes to confirm without asking).',
    run: (ctx, [dir, ...docIds], options) => deleteCommand(ctx, dir!, docIds, { yes: options.yes }),
  },
  {
    name: 'original',
    args: ['<vault-dir>', '<docId>'],
    summary: 'Write the original file, byte for byte, to -o <file> (unencrypted there; never overwrites).',
    run: (ctx, [dir, docId], options) => originalCommand(ctx, dir!, docId!, options.output),
  },
  {
    name: 'search',
    args: ['<vault-dir>', '<query>'],
    summary: 'Search the pages: words in any script and form, "phrases", prefix*, -exclude, OR. [--limit N]',
    run: (ctx, [dir, query], options) => searchCommand(ctx, dir!, query!, parseLimit(options.limit)),
  },
  {
    name: 'persons',
    args: ['import|list', '<vault-dir>', '[<persons.json>]'],
    summary: 'Import persons (names in every script, roles, relations, protected flag) from JSON, or list them.',
    run: (ctx, [sub, dir, file]) => personsCommand(ctx, sub!, dir!, file),
  },
  {
    name: 'laws',
    args: ['list', '<vault-dir>'],
    summary: 'List the laws of the register.',
    run: (ctx, [sub, dir]) => lawsCommand(ctx, sub!, dir!),
  },
  {
    name: 'suggest',
    args: ['<vault-dir>', '<docId>'],
    summary: 'Read a document for laws, persons, dates, numbers and its type; print what is suggested.',
    run: (ctx, [dir, docId]) => suggestCommand(ctx, dir!, docId!),
  },
  {
    name: 'tag',
    args: ['<vault-dir>', '<docId>'],
    summary: 'Tag a document: --accept-all (the suggestions sure enough to accept unseen; the rest stay for review), --person ID, --law LAW:ART.',
    run: (ctx, [dir, docId], options) => tagCommand(ctx, dir!, docId!, options),
  },
  {
    name: 'deadlines',
    args: ['<vault-dir>'],
    summary: 'Deadlines in the next --days N days (default 60), overdue first.',
    run: (ctx, [dir], options) => deadlinesCommand(ctx, dir!, parseDays(options.days)),
  },
  {
    name: 'export',
    args: ['<vault-dir>'],
    summary:
      'Write an evidence bundle PDF (and <name>.manifest.json beside it): --docs ID,... | --person ID | --query Q | --sections F, -o <bundle.pdf>. [--redact-term T]... [--no-redact-protected] [--zip F [--zip-originals]] [--force] [--confirm-unchecked]',
    run: (ctx, [dir], options) => exportCommand(ctx, dir!, options),
  },
  {
    name: 'reindex',
    args: ['<vault-dir>'],
    summary: 'Rebuild the search index from the stored page text.',
    run: (ctx, [dir]) => reindexCommand(ctx, dir!),
  },
];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.args.join(' ')}`.length));
  const lines = COMMANDS.map((command) => `  ${`${command.name} ${command.args.join(' ')}`.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: dalel <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --json            Machine-readable output on stdout; errors as {"error":{"code","message"}} on stderr.',
    '  --recovery-code   Unlock with the recovery code instead of the passphrase.',
    '  --deep            `verify`: also SQLite integrity_check and the SHA-256 of every stored file.',
    '  --rotate-key      `passwd`: re-encrypt the vault under a new data key (prints a new recovery code).',
    '  --confirm NAME    `wipe`: the vault folder’s name, typed to confirm.',
    '  --yes             `delete`: delete without asking.',
    '  --title T, --date D, --type T, --notes N   What `edit` changes (`none` clears a date or type).',
    '  --lang L          OCR languages for import, joined by + (rus, kaz, eng, chi_sim, uig).',
    '  --limit N         How many hits `search` prints (default 20, at most 200).',
    '  --days N          How far ahead `deadlines` looks (default 60).',
    '  --accept-all, --person ID, --law LAW:ART   What `tag` does.',
    '  -o, --output F    Where `original` writes the file, or `export` the bundle.',
    '  --docs IDS, --query Q, --sections F   What `export` bundles (or --person ID); --title T.',
    '  --redact-term T   Redact a term in `export` (repeat). Protected persons are redacted unless',
    '                    --no-redact-protected is given (--redact-protected says it explicitly).',
    '  --zip F, --zip-originals              Also a ZIP; with the originals UNREDACTED only if asked.',
    '  --force           Let `export` replace files that exist (it never writes into the vault folder).',
    '  --confirm-unchecked   Accept, for `export`, pages read with low confidence or not fully read',
    '                    (recorded in the audit log); without it such pages stop a redacted export.',
    '  -h, --help        Show this help.',
    '',
    'Secrets are never taken from the command line. They come from the environment',
    '(DALEL_PASSPHRASE, DALEL_NEW_PASSPHRASE for passwd, DALEL_RECOVERY_CODE) or are asked for',
    'on the terminal without echo. DALEL_PDF_PASSWORD is the password of the PDFs `import` finds',
    'protected (one for the whole import; used to open them, never kept): without it such a PDF is',
    'refused with pdf-password-required, with a wrong one with pdf-password-wrong.',
    '',
    'Exit status: 0 success, 1 the operation failed, 2 usage error.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: Io, source: SecretSource): Promise<number> {
  // Given process.env itself (an embedding, a test), the secrets leave it here, before any command runs.
  const secrets = source.env === process.env ? { ...source, env: takeSecretsFromEnvironment(process.env) } : source;
  const json = argv.includes('--json');
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        // --no-redact-protected: protected persons are redacted unless the lawyer says otherwise
        allowNegative: true,
        strict: true,
        options: {
          json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
          'recovery-code': { type: 'boolean' },
          lang: { type: 'string' },
          limit: { type: 'string' },
          days: { type: 'string' },
          person: { type: 'string' },
          law: { type: 'string' },
          'accept-all': { type: 'boolean' },
          output: { type: 'string', short: 'o' },
          docs: { type: 'string' },
          query: { type: 'string' },
          sections: { type: 'string' },
          title: { type: 'string' },
          'redact-protected': { type: 'boolean' },
          'redact-term': { type: 'string', multiple: true },
          zip: { type: 'string' },
          'zip-originals': { type: 'boolean' },
          force: { type: 'boolean' },
          'confirm-unchecked': { type: 'boolean' },
          deep: { type: 'boolean' },
          'rotate-key': { type: 'boolean' },
          confirm: { type: 'string' },
          yes: { type: 'boolean' },
          date: { type: 'string' },
          type: { type: 'string' },
          notes: { type: 'string' },
        },
      });
    } catch (error) {
      const message = (error as Error).message;
      if (/pdf-password/i.test(message)) {
        throw new UsageError('A PDF password is not accepted as an argument (other users can read a command line). Set DALEL_PDF_PASSWORD.');
      }
      if (/passphrase|password/i.test(message)) {
        throw new UsageError('Passphrases are not accepted as arguments. Set DALEL_PASSPHRASE or type it when asked.');
      }
      throw new UsageError(`${message}\nRun "dalel --help" for usage.`);
    }
    const [name, ...rest] = parsed.positionals;
    if (parsed.values.help || name === 'help' || name === undefined) {
      io.stdout(helpText());
      return name === undefined && !parsed.values.help ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Run "dalel --help" for the list.`);
    const required = command.args.filter((arg) => !arg.startsWith('[')).length;
    const arity = command.variadic ? rest.length >= required : rest.length >= required && rest.length <= command.args.length;
    if (!arity) {
      throw new UsageError(`Usage: dalel ${command.name} ${command.args.join(' ')}`);
    }
    const ctx: CommandContext = { io, json, secrets, useRecoveryCode: parsed.values['recovery-code'] === true };
    return await command.run(ctx, rest, {
      lang: parsed.values.lang,
      limit: parsed.values.limit,
      days: parsed.values.days,
      person: parsed.values.person,
      law: parsed.values.law,
      acceptAll: parsed.values['accept-all'],
      output: parsed.values.output,
      docs: parsed.values.docs,
      query: parsed.values.query,
      sections: parsed.values.sections,
      title: parsed.values.title,
      redactProtected: parsed.values['redact-protected'],
      redactTerm: parsed.values['redact-term'],
      zip: parsed.values.zip,
      zipOriginals: parsed.values['zip-originals'],
      force: parsed.values.force,
      confirmUnchecked: parsed.values['confirm-unchecked'],
      deep: parsed.values.deep,
      rotateKey: parsed.values['rotate-key'],
      confirm: parsed.values.confirm,
      yes: parsed.values.yes,
      date: parsed.values.date,
      type: parsed.values.type,
      notes: parsed.values.notes,
    });
  } catch (error) {
    return reportError(io, error, json);
  }
}

// Run when executed directly (tsx electron/cli/main.ts …), not when imported by tests.
if (process.argv[1] && /electron[\\/]cli[\\/]main\.[cm]?[tj]s$/.test(process.argv[1])) {
  // Secrets leave process.env before anything else runs: no child process inherits them.
  runCli(process.argv.slice(2), processIo, { env: takeSecretsFromEnvironment(process.env), ask: terminalAsk() }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(processIo, error, process.argv.includes('--json'));
    },
  );
}
