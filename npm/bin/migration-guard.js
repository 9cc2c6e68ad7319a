#!/usr/bin/env node
// The npm package's launcher: finds Java 17 or newer (JAVA_HOME, then PATH) and runs the jar beside it with the
// JVM options of bin/migration-guard. The class-data-sharing archive only works for the Java build that made it,
// so it is made on this machine, for this Java, from the class list the package carries (once, in the background).
'use strict';

const fs = require('fs');
const path = require('path');
const os = require('os');
const crypto = require('crypto');
const { spawnSync, spawn } = require('child_process');

const PACKAGE = path.resolve(__dirname, '..');
const JAR = path.join(PACKAGE, 'migration-guard.jar');
const CLASS_LIST = path.join(PACKAGE, 'migration-guard.classlist');
const MINIMUM_JAVA = 17;
// The same options as bin/migration-guard (NpmPackageIT compares them): C1 only, the parallel collector.
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseParallelGC', '-Xshare:auto'];
const INSTALL_JAVA = [
  'Install Java 17 or newer and put it on PATH or point JAVA_HOME at it, for example:',
  '  Debian/Ubuntu:  sudo apt-get install openjdk-17-jre-headless',
  '  macOS:          brew install openjdk@17',
  '  Windows:        winget install EclipseAdoptium.Temurin.17.JRE',
  '  any system:     https://adoptium.net (Temurin 17 or 21)',
  '  GitHub Actions: actions/setup-java with java-version: 17',
].join('\n');

function fail(message) {
  process.stderr.write('migration-guard: ' + message + '\n');
  process.exit(2);
}

/** The java executable: JAVA_HOME's when set, else the first on PATH; null when there is none. */
function findJava() {
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  if (process.env.JAVA_HOME) {
    const candidate = path.join(process.env.JAVA_HOME, 'bin', exe);
    if (isExecutable(candidate)) {
      return { java: candidate, from: 'JAVA_HOME' };
    }
    process.stderr.write('migration-guard: JAVA_HOME=' + process.env.JAVA_HOME + ' has no bin/' + exe + '; trying PATH\n');
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir) {
      const candidate = path.join(dir, exe);
      if (isExecutable(candidate)) {
        return { java: candidate, from: 'PATH' };
      }
    }
  }
  return null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch (e) {
    return false;
  }
}

/**
 * The Java's version and build, from the `release` file of its home (no JVM start); by running `java -version`
 * only when there is no such file.
 */
function javaVersion(java) {
  let home = null;
  try {
    home = path.dirname(path.dirname(fs.realpathSync(java)));
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const version = /^JAVA_VERSION="([^"]+)"/m.exec(release);
    if (version) {
      const runtime = /^JAVA_RUNTIME_VERSION="([^"]+)"/m.exec(release);
      return { version: version[1], build: home + '\n' + (runtime ? runtime[1] : version[1]) + '\n' + release.length };
    }
  } catch (e) {
    // No readable release file: ask the JVM.
  }
  const run = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const printed = (run.stderr || '') + (run.stdout || '');
  const match = /version "([^"]+)"/.exec(printed);
  return match ? { version: match[1], build: null } : null;
}

/** The feature release: 17 for "17.0.15", 8 for "1.8.0_392". */
function featureRelease(version) {
  const parts = version.split(/[.+_-]/);
  const first = parseInt(parts[0], 10);
  return first === 1 ? parseInt(parts[1], 10) : first;
}

/**
 * The archive for this Java build and this jar: an existing one is used; a missing one is made in the background
 * for the next run (not in CI, where a job lints once).
 */
function classDataArchive(java, build) {
  if (!build || !fs.existsSync(CLASS_LIST) || process.env.MIGRATION_GUARD_CDS === '0') {
    return null;
  }
  const jar = fs.statSync(JAR);
  const key = crypto.createHash('sha256').update(build + '\n' + JAR + '\n' + jar.size + '\n' + jar.mtimeMs)
      .digest('hex').slice(0, 16);
  const folders = [path.join(PACKAGE, 'cds'), path.join(cacheHome(), 'migration-guard', 'cds')];
  for (const folder of folders) {
    const archive = path.join(folder, key + '.jsa');
    if (fs.existsSync(archive)) {
      return archive;
    }
  }
  if (!process.env.CI) {
    for (const folder of folders) {
      if (startArchive(java, folder, key)) {
        break;
      }
    }
  }
  return null;
}

function cacheHome() {
  if (process.env.XDG_CACHE_HOME) {
    return process.env.XDG_CACHE_HOME;
  }
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) {
    return process.env.LOCALAPPDATA;
  }
  return path.join(os.homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache');
}

/** Dumps the archive into a temporary file and renames it, so a run never maps half an archive. */
function startArchive(java, folder, key) {
  try {
    fs.mkdirSync(folder, { recursive: true });
    const lock = path.join(folder, key + '.lock');
    try {
      // Another run is already making it; a lock older than ten minutes is from a run that died.
      if (Date.now() - fs.statSync(lock).mtimeMs < 600000) {
        return true;
      }
      fs.unlinkSync(lock);
    } catch (e) {
      // No lock: go on.
    }
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    const partial = path.join(folder, key + '.' + process.pid + '.tmp');
    const archive = path.join(folder, key + '.jsa');
    const script = [
      'const { spawnSync } = require("child_process"); const fs = require("fs");',
      'const [java, list, partial, jar, archive, lock] = process.argv.slice(1);',
      'const r = spawnSync(java, ["-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + partial,',
      '  "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", jar], { stdio: "ignore" });',
      'try { if (r.status === 0) fs.renameSync(partial, archive); else fs.unlinkSync(partial); } catch (e) {}',
      'try { fs.unlinkSync(lock); } catch (e) {}',
    ].join('\n');
    const child = spawn(process.execPath, ['-e', script, java, CLASS_LIST, partial, JAR, archive, lock],
        { detached: true, stdio: 'ignore', windowsHide: true });
    child.unref();
    return true;
  } catch (e) {
    return false;
  }
}

function main() {
  if (!fs.existsSync(JAR)) {
    fail(JAR + ' is missing; reinstall the package (npm i -D migration-guard)');
  }
  const found = findJava();
  if (!found) {
    fail('needs Java ' + MINIMUM_JAVA + ' or newer, and found no java (JAVA_HOME is '
        + (process.env.JAVA_HOME ? 'set but holds no java' : 'not set') + ', none on PATH).\n' + INSTALL_JAVA);
  }
  const version = javaVersion(found.java);
  if (!version) {
    fail('could not tell the version of ' + found.java + ' (from ' + found.from + ').\n' + INSTALL_JAVA);
  }
  if (!(featureRelease(version.version) >= MINIMUM_JAVA)) {
    fail('needs Java ' + MINIMUM_JAVA + ' or newer; ' + found.java + ' (from ' + found.from + ') is Java '
        + version.version + '.\n' + INSTALL_JAVA);
  }
  const args = JVM_OPTIONS.slice();
  // As bin/migration-guard: on one or two processors, one compiler thread.
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (cpus >= 1 && cpus <= 2) {
    args.unshift('-XX:CICompilerCount=1');
  }
  const archive = classDataArchive(found.java, version.build);
  if (archive) {
    // -Xlog:cds=off: an archive the JVM rejects after all is ignored without a warning on every run.
    args.unshift('-XX:SharedArchiveFile=' + archive, '-Xlog:cds=off', '-Xlog:cds+dynamic=off');
  }
  const extra = (process.env.MIGRATION_GUARD_JAVA_OPTS || '').split(/\s+/).filter(Boolean);
  args.push(...extra, '-jar', JAR, ...process.argv.slice(2));
  if (process.env.MIGRATION_GUARD_PRINT_JAVA_COMMAND === '1') {
    process.stderr.write([found.java, ...args].join(' ') + '\n');
  }
  const run = spawnSync(found.java, args, { stdio: 'inherit', windowsHide: true });
  if (run.error) {
    fail('could not run ' + found.java + ': ' + run.error.message);
  }
  if (run.signal) {
    process.kill(process.pid, run.signal);
  }
  process.exit(run.status === null ? 2 : run.status);
}

main();
