/** Reports for the renderer tests. */
import type { Change, DiffReport, Finding } from '../../src/core/report';

export const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
export const BASE_SHA = 'fedcba9876543210fedcba9876543210fedcba98';
export const MARKER = '<!-- ffi-surface-guard v1 {"delta":"sha256:5e1f"} -->';

export function emptyReport(): DiffReport {
  return {
    schemaVersion: 1,
    tool: { name: 'ffi-surface-guard', version: '0.1.0' },
    base: { rev: BASE_SHA, digest: 'sha256:aaaa' },
    head: { rev: HEAD_SHA, digest: 'sha256:bbbb' },
    changes: [],
    findings: [],
    requiredBump: 'none',
    deltaDigest: 'sha256:0000',
    crates: [],
    diagnostics: [],
  };
}

/** A realistic report: a few changes of each severity in two crates, a few findings, diagnostics. */
export function realisticReport(): DiffReport {
  return {
    ...emptyReport(),
    requiredBump: 'major',
    deltaDigest: 'sha256:5e1f0c3d9a7b2e4f6a8c0d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a',
    crates: [
      { name: 'imgcodec', baseVersion: '0.4.2', headVersion: '0.5.0' },
      { name: 'imgcodec-sys', baseVersion: '1.1.0', headVersion: '1.1.0' },
    ],
    changes: [
      {
        rule: 'function-removed',
        severity: 'breaking',
        kind: 'function',
        name: 'imgcodec_decode_legacy',
        symbol: 'imgcodec_decode_legacy',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 88,
        before: 'extern "C" fn imgcodec_decode_legacy(buf: *const u8, len: usize) -> *mut Image',
        after: null,
        message: 'exported function imgcodec_decode_legacy was removed',
      },
      {
        rule: 'function-parameters-changed',
        severity: 'breaking',
        kind: 'function',
        name: 'imgcodec_resize',
        symbol: 'imgcodec_resize',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 41,
        before: 'extern "C" fn imgcodec_resize(img: *mut Image, w: u32, h: u32) -> c_int',
        after: 'extern "C" fn imgcodec_resize(img: *mut Image, w: usize, h: usize) -> c_int',
        message: 'parameter 2 (w) changed type from u32 to usize',
      },
      {
        rule: 'enum-variant-added',
        severity: 'potentially-breaking',
        kind: 'enum',
        name: 'PixelFormat',
        crate: 'imgcodec',
        file: 'src/types.rs',
        line: 12,
        before: '#[repr(C)] enum PixelFormat { Rgb8 = 0, Rgba8 = 1 }',
        after: '#[repr(C)] enum PixelFormat { Rgb8 = 0, Rgba8 = 1, Gray16 = 2 }',
        message: 'variant Gray16 was added; consumers that switch over PixelFormat may not handle it',
      },
      {
        rule: 'function-added',
        severity: 'addition',
        kind: 'function',
        name: 'imgcodec_decode',
        symbol: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        before: null,
        after:
          'unsafe extern "C" fn imgcodec_decode(buf: *const u8, len: usize, out: *mut *mut Image) -> c_int',
        message: 'new exported function imgcodec_decode',
      },
      {
        rule: 'function-added',
        severity: 'addition',
        kind: 'function',
        name: 'image_free',
        symbol: 'imgcodec_image_free',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 70,
        before: null,
        after: 'extern "C" fn image_free(img: *mut Image)',
        message: 'new exported function imgcodec_image_free',
      },
      {
        rule: 'static-added',
        severity: 'addition',
        kind: 'static',
        name: 'LOG_LEVEL',
        symbol: 'imgcodec_log_level',
        crate: 'imgcodec-sys',
        file: 'src/lib.rs',
        line: 9,
        before: null,
        after: 'static mut LOG_LEVEL: c_int',
        message: 'new exported static imgcodec_log_level',
      },
      {
        rule: 'function-parameter-renamed',
        severity: 'non-abi',
        kind: 'function',
        name: 'imgcodec_resize',
        symbol: 'imgcodec_resize',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 41,
        before: 'extern "C" fn imgcodec_resize(img: *mut Image, w: u32, h: u32) -> c_int',
        after: 'extern "C" fn imgcodec_resize(img: *mut Image, width: usize, height: usize) -> c_int',
        message: 'parameter 2 was renamed from w to width',
      },
    ],
    findings: [
      {
        rule: 'raw-pointer-param',
        level: 'high',
        symbol: 'imgcodec_decode',
        name: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        message: 'parameter out is a raw pointer (*mut *mut Image)',
        checklist: 'null checked, alignment and lifetime documented, no aliasing of &mut',
      },
      {
        rule: 'buffer-param',
        level: 'high',
        symbol: 'imgcodec_decode',
        name: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        message: 'buf is read with the length len',
        checklist: 'bounds derived only from the length, len * size uses checked arithmetic',
      },
      {
        rule: 'raw-pointer-param',
        level: 'high',
        symbol: 'imgcodec_image_free',
        name: 'image_free',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 70,
        message: 'parameter img is a raw pointer (*mut Image)',
        checklist: 'null checked, alignment and lifetime documented, no aliasing of &mut',
        status: 'verified',
        evidence: [
          {
            file: 'src/ffi/image.rs',
            line: 71,
            what: '`img` checked by `try_box_from_ptr!` (defined at src/ffi/mod.rs:12)',
          },
        ],
      },
      {
        rule: 'panic-path',
        level: 'medium',
        symbol: 'imgcodec_decode',
        name: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        message: 'unwrap at line 31 can panic outside catch_unwind',
        checklist: 'a panic aborts the host process: denial of service',
      },
      {
        rule: 'mutable-global',
        level: 'medium',
        symbol: 'imgcodec_log_level',
        name: 'LOG_LEVEL',
        crate: 'imgcodec-sys',
        file: 'src/lib.rs',
        line: 9,
        message: 'exported static mut LOG_LEVEL',
        checklist: 'synchronisation and reset semantics',
      },
      {
        rule: 'untested-export',
        level: 'low',
        symbol: 'imgcodec_image_free',
        name: 'image_free',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 70,
        message: 'imgcodec_image_free is named nowhere in tests, benches or fuzz targets',
        checklist: 'a test or fuzz target covers it',
      },
    ],
    diagnostics: [
      {
        level: 'warning',
        code: 'unexpanded-macro',
        message: 'cannot expand macro ffi_export! (defined outside the crate)',
        file: 'src/ffi/mod.rs',
        line: 5,
      },
    ],
  };
}

/** A report with `n` changes and `n` findings spread over crates and exports. */
export function hugeReport(n: number, nameOf: (i: number) => string = (i) => `export_${i}`): DiffReport {
  const severities = ['breaking', 'potentially-breaking', 'addition', 'non-abi'] as const;
  const levels = ['high', 'medium', 'low'] as const;
  const changes: Change[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const name = nameOf(i);
    changes.push({
      rule: 'function-parameters-changed',
      severity: severities[i % 4],
      kind: 'function',
      name,
      symbol: name,
      crate: `crate_${i % 37}`,
      file: `src/m${i % 101}.rs`,
      line: i + 1,
      before: `extern "C" fn ${name}(a: *const u8, n: usize) -> c_int`,
      after: `extern "C" fn ${name}(a: *const u8, n: u32) -> c_int`,
      message: `parameter 2 (n) changed type from usize to u32`,
    });
    findings.push({
      rule: 'raw-pointer-param',
      level: levels[i % 3],
      symbol: name,
      name,
      crate: `crate_${i % 37}`,
      file: `src/m${i % 101}.rs`,
      line: i + 1,
      message: 'parameter a is a raw pointer (*const u8)',
      checklist: 'null checked, alignment and lifetime documented, no aliasing of &mut',
    });
  }
  return { ...emptyReport(), changes, findings, requiredBump: 'major', deltaDigest: 'sha256:1234' };
}

const CHECK_RAW =
  'NULL is checked before use, alignment and lifetime are documented, and the pointer never aliases a live `&mut`';
const CHECK_BUFFER =
  'bounds come only from the length parameter, `len * size_of::<T>()` uses checked arithmetic, NULL with a non-zero length is rejected, and `slice::from_raw_parts` never gets NULL (even for length 0)';
const CHECK_CSTR =
  'the string is NUL-terminated, validated as UTF-8 where it is used as `str`, and its length bounded';
const CHECK_TESTED = 'a test or fuzz target covers the export, including its error and NULL paths';

/**
 * A release-sized change like rustls-ffi v0.14.0 → v0.15.0, generated: `additions` new functions
 * with long names and about 2.5 pointer parameters each (a raw pointer, a buffer with its length,
 * a C string), two breaking changes, and one finding per pointer parameter plus an
 * `untested-export` per function. Every third pointer finding is verified (a null-check macro
 * defined in the crate), and so is every other `untested-export` (a C test calls the function).
 */
export function generatedChange(additions = 20): DiffReport {
  const changes: Change[] = [];
  const findings: Finding[] = [];
  const crate = 'rustls-ffi';
  let pointer = 0;
  for (let i = 0; i < additions; i++) {
    const name = `rustls_client_config_builder_set_extension_number_${i}`;
    const file = `librustls/src/client_${i % 4}.rs`;
    const line = 100 + i * 37;
    const params: {
      name: string;
      type: string;
      rule: string;
      level: 'high' | 'medium';
      check: string;
      message: string;
    }[] = [
      {
        name: 'builder',
        type: '*mut rustls_client_config_builder',
        rule: 'raw-pointer-param',
        level: 'high',
        check: CHECK_RAW,
        message: 'parameter `builder` is a raw pointer `*mut rustls_client_config_builder`',
      },
      {
        name: 'data',
        type: '*const u8',
        rule: 'buffer-param',
        level: 'high',
        check: CHECK_BUFFER,
        message: 'parameter `data` is a raw pointer `*const u8` with length `data_len` (`size_t`)',
      },
    ];
    if (i % 2 === 0)
      params.push({
        name: 'hostname',
        type: '*const c_char',
        rule: 'c-string-param',
        level: 'medium',
        check: CHECK_CSTR,
        message: 'parameter `hostname` is a C string `*const c_char`',
      });
    changes.push({
      rule: 'function-added',
      severity: 'addition',
      kind: 'function',
      name,
      symbol: name,
      crate,
      file,
      line,
      before: null,
      after: `extern "C" fn ${name}(${params.map((p) => `${p.name}: ${p.type}`).join(', ')}, data_len: size_t) -> rustls_result`,
      message: `new exported function \`${name}\``,
    });
    for (const p of params) {
      const verified = pointer++ % 3 === 0;
      findings.push({
        rule: p.rule,
        level: p.level,
        symbol: name,
        name,
        crate,
        file,
        line,
        message: p.message,
        checklist: p.check,
        status: verified ? 'verified' : 'open',
        ...(verified
          ? {
              evidence: [
                {
                  file,
                  line: line + 3,
                  what: `\`${p.name}\` checked by \`try_ref_from_ptr!\` (defined at librustls/src/ffi.rs:384)`,
                },
              ],
            }
          : {}),
      });
    }
    const tested = i % 2 === 1;
    findings.push({
      rule: 'untested-export',
      level: 'low',
      symbol: name,
      name,
      crate,
      file,
      line,
      message: `\`${name}\` is named in no test (searched 3 Rust, 6 C/C++, 0 Go and 0 Python test files)`,
      checklist: CHECK_TESTED,
      ...(tested
        ? {
            status: 'verified' as const,
            evidence: [
              { file: 'librustls/tests/client.c', line: 40 + i, what: `called by the C test \`client.c\`` },
            ],
          }
        : {}),
    });
  }
  for (const name of [
    'rustls_server_connection_get_server_name',
    'rustls_server_config_builder_set_persistence',
  ])
    changes.push({
      rule: 'function-return-changed',
      severity: 'breaking',
      kind: 'function',
      name,
      symbol: name,
      crate,
      file: 'librustls/src/server.rs',
      line: 461,
      before: `extern "C" fn ${name}(conn: *const rustls_connection) -> rustls_result`,
      after: `extern "C" fn ${name}(conn: *const rustls_connection) -> rustls_str<'static>`,
      message: "return type changed from rustls_result to rustls_str<'static>",
    });
  return {
    ...emptyReport(),
    changes,
    findings,
    requiredBump: 'major',
    deltaDigest: 'sha256:38f92d373c8b41513c03961591819351fd0dd8ef9d28c20fd7c25ff3e3f52c89',
    crates: [{ name: crate, baseVersion: '0.14.0', headVersion: '0.15.0' }],
  };
}
