#!/usr/bin/env node
"use strict";
var __create2 = Object.create;
var __defProp2 = Object.defineProperty;
var __getOwnPropDesc2 = Object.getOwnPropertyDescriptor;
var __getOwnPropNames2 = Object.getOwnPropertyNames;
var __getProtoOf2 = Object.getPrototypeOf;
var __hasOwnProp2 = Object.prototype.hasOwnProperty;
var __commonJS2 = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames2(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps2 = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames2(from))
      if (!__hasOwnProp2.call(to, key) && key !== except)
        __defProp2(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc2(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM2 = (mod, isNodeMode, target) => (target = mod != null ? __create2(__getProtoOf2(mod)) : {}, __copyProps2(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp2(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/web-tree-sitter/web-tree-sitter.cjs
var require_web_tree_sitter2 = __commonJS2({
  "node_modules/web-tree-sitter/web-tree-sitter.cjs"(exports, module) {
    "use strict";
    var __create = Object.create;
    var __defProp = Object.defineProperty;
    var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
    var __getOwnPropNames = Object.getOwnPropertyNames;
    var __getProtoOf = Object.getPrototypeOf;
    var __hasOwnProp = Object.prototype.hasOwnProperty;
    var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
    var __commonJS = (cb, mod) => function __require() {
      try {
        return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
      } catch (e) {
        throw mod = 0, e;
      }
    };
    var __export = (target, all) => {
      for (var name2 in all)
        __defProp(target, name2, { get: all[name2], enumerable: true });
    };
    var __copyProps = (to, from, except, desc) => {
      if (from && typeof from === "object" || typeof from === "function") {
        for (let key of __getOwnPropNames(from))
          if (!__hasOwnProp.call(to, key) && key !== except)
            __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
      }
      return to;
    };
    var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
      // If the importer is in node compatibility mode or this is not an ESM
      // file that has been converted to a CommonJS file using a Babel-
      // compatible transform (i.e. "__esModule" has not been set), then set
      // "default" to the CommonJS "module.exports" for node compatibility.
      isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
      mod
    ));
    var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
    var require_web_tree_sitter = __commonJS({
      "lib/web-tree-sitter.cjs"(exports, module) {
        "use strict";
        var Module = (() => {
          var _scriptName = typeof document != "undefined" ? document.currentScript?.src : void 0;
          return async function(moduleArg = {}) {
            var moduleRtn;
            var Module = moduleArg;
            var ENVIRONMENT_IS_WEB = typeof window == "object";
            var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
            var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
            Module.currentQueryProgressCallback = null;
            Module.currentProgressCallback = null;
            Module.currentLogCallback = null;
            Module.currentParseCallback = null;
            var arguments_ = [];
            var thisProgram = "./this.program";
            var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
              throw toThrow;
            }, "quit_");
            if (typeof __filename != "undefined") {
              _scriptName = __filename;
            } else if (ENVIRONMENT_IS_WORKER) {
              _scriptName = self.location.href;
            }
            var scriptDirectory = "";
            function locateFile(path3) {
              if (Module["locateFile"]) {
                return Module["locateFile"](path3, scriptDirectory);
              }
              return scriptDirectory + path3;
            }
            __name(locateFile, "locateFile");
            var readAsync, readBinary;
            if (ENVIRONMENT_IS_NODE) {
              var fs = require("fs");
              scriptDirectory = __dirname + "/";
              readBinary = /* @__PURE__ */ __name((filename) => {
                filename = isFileURI(filename) ? new URL(filename) : filename;
                var ret = fs.readFileSync(filename);
                return ret;
              }, "readBinary");
              readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
                filename = isFileURI(filename) ? new URL(filename) : filename;
                var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
                return ret;
              }, "readAsync");
              if (process.argv.length > 1) {
                thisProgram = process.argv[1].replace(/\\/g, "/");
              }
              arguments_ = process.argv.slice(2);
              quit_ = /* @__PURE__ */ __name((status, toThrow) => {
                process.exitCode = status;
                throw toThrow;
              }, "quit_");
            } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
              try {
                scriptDirectory = new URL(".", _scriptName).href;
              } catch {
              }
              {
                if (ENVIRONMENT_IS_WORKER) {
                  readBinary = /* @__PURE__ */ __name((url) => {
                    var xhr = new XMLHttpRequest();
                    xhr.open("GET", url, false);
                    xhr.responseType = "arraybuffer";
                    xhr.send(null);
                    return new Uint8Array(
                      /** @type{!ArrayBuffer} */
                      xhr.response
                    );
                  }, "readBinary");
                }
                readAsync = /* @__PURE__ */ __name(async (url) => {
                  if (isFileURI(url)) {
                    return new Promise((resolve, reject) => {
                      var xhr = new XMLHttpRequest();
                      xhr.open("GET", url, true);
                      xhr.responseType = "arraybuffer";
                      xhr.onload = () => {
                        if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                          resolve(xhr.response);
                          return;
                        }
                        reject(xhr.status);
                      };
                      xhr.onerror = reject;
                      xhr.send(null);
                    });
                  }
                  var response = await fetch(url, {
                    credentials: "same-origin"
                  });
                  if (response.ok) {
                    return response.arrayBuffer();
                  }
                  throw new Error(response.status + " : " + response.url);
                }, "readAsync");
              }
            } else {
            }
            var out = console.log.bind(console);
            var err = console.error.bind(console);
            var dynamicLibraries = [];
            var wasmBinary;
            var ABORT = false;
            var EXITSTATUS;
            var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
            var readyPromiseResolve, readyPromiseReject;
            var wasmMemory;
            var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
            var HEAP64, HEAPU64;
            var HEAP_DATA_VIEW;
            var runtimeInitialized = false;
            function updateMemoryViews() {
              var b = wasmMemory.buffer;
              Module["HEAP8"] = HEAP8 = new Int8Array(b);
              Module["HEAP16"] = HEAP16 = new Int16Array(b);
              Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
              Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
              Module["HEAP32"] = HEAP32 = new Int32Array(b);
              Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
              Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
              Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
              Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
              Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
              Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
              LE_HEAP_UPDATE();
            }
            __name(updateMemoryViews, "updateMemoryViews");
            function initMemory() {
              if (Module["wasmMemory"]) {
                wasmMemory = Module["wasmMemory"];
              } else {
                var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
                wasmMemory = new WebAssembly.Memory({
                  "initial": INITIAL_MEMORY / 65536,
                  // In theory we should not need to emit the maximum if we want "unlimited"
                  // or 4GB of memory, but VMs error on that atm, see
                  // https://github.com/emscripten-core/emscripten/issues/14130
                  // And in the pthreads case we definitely need to emit a maximum. So
                  // always emit one.
                  "maximum": 32768
                });
              }
              updateMemoryViews();
            }
            __name(initMemory, "initMemory");
            var __RELOC_FUNCS__ = [];
            function preRun() {
              if (Module["preRun"]) {
                if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
                while (Module["preRun"].length) {
                  addOnPreRun(Module["preRun"].shift());
                }
              }
              callRuntimeCallbacks(onPreRuns);
            }
            __name(preRun, "preRun");
            function initRuntime() {
              runtimeInitialized = true;
              callRuntimeCallbacks(__RELOC_FUNCS__);
              wasmExports["__wasm_call_ctors"]();
              callRuntimeCallbacks(onPostCtors);
            }
            __name(initRuntime, "initRuntime");
            function preMain() {
            }
            __name(preMain, "preMain");
            function postRun() {
              if (Module["postRun"]) {
                if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
                while (Module["postRun"].length) {
                  addOnPostRun(Module["postRun"].shift());
                }
              }
              callRuntimeCallbacks(onPostRuns);
            }
            __name(postRun, "postRun");
            function abort(what) {
              Module["onAbort"]?.(what);
              what = "Aborted(" + what + ")";
              err(what);
              ABORT = true;
              what += ". Build with -sASSERTIONS for more info.";
              var e = new WebAssembly.RuntimeError(what);
              readyPromiseReject?.(e);
              throw e;
            }
            __name(abort, "abort");
            var wasmBinaryFile;
            function findWasmBinary() {
              return locateFile("web-tree-sitter.wasm");
            }
            __name(findWasmBinary, "findWasmBinary");
            function getBinarySync(file) {
              if (file == wasmBinaryFile && wasmBinary) {
                return new Uint8Array(wasmBinary);
              }
              if (readBinary) {
                return readBinary(file);
              }
              throw "both async and sync fetching of the wasm failed";
            }
            __name(getBinarySync, "getBinarySync");
            async function getWasmBinary(binaryFile) {
              if (!wasmBinary) {
                try {
                  var response = await readAsync(binaryFile);
                  return new Uint8Array(response);
                } catch {
                }
              }
              return getBinarySync(binaryFile);
            }
            __name(getWasmBinary, "getWasmBinary");
            async function instantiateArrayBuffer(binaryFile, imports) {
              try {
                var binary2 = await getWasmBinary(binaryFile);
                var instance2 = await WebAssembly.instantiate(binary2, imports);
                return instance2;
              } catch (reason) {
                err(`failed to asynchronously prepare wasm: ${reason}`);
                abort(reason);
              }
            }
            __name(instantiateArrayBuffer, "instantiateArrayBuffer");
            async function instantiateAsync(binary2, binaryFile, imports) {
              if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
                try {
                  var response = fetch(binaryFile, {
                    credentials: "same-origin"
                  });
                  var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
                  return instantiationResult;
                } catch (reason) {
                  err(`wasm streaming compile failed: ${reason}`);
                  err("falling back to ArrayBuffer instantiation");
                }
              }
              return instantiateArrayBuffer(binaryFile, imports);
            }
            __name(instantiateAsync, "instantiateAsync");
            function getWasmImports() {
              return {
                "env": wasmImports,
                "wasi_snapshot_preview1": wasmImports,
                "GOT.mem": new Proxy(wasmImports, GOTHandler),
                "GOT.func": new Proxy(wasmImports, GOTHandler)
              };
            }
            __name(getWasmImports, "getWasmImports");
            async function createWasm() {
              function receiveInstance(instance2, module2) {
                wasmExports = instance2.exports;
                wasmExports = relocateExports(wasmExports, 1024);
                var metadata2 = getDylinkMetadata(module2);
                if (metadata2.neededDynlibs) {
                  dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
                }
                mergeLibSymbols(wasmExports, "main");
                LDSO.init();
                loadDylibs();
                __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
                assignWasmExports(wasmExports);
                return wasmExports;
              }
              __name(receiveInstance, "receiveInstance");
              function receiveInstantiationResult(result2) {
                return receiveInstance(result2["instance"], result2["module"]);
              }
              __name(receiveInstantiationResult, "receiveInstantiationResult");
              var info2 = getWasmImports();
              if (Module["instantiateWasm"]) {
                return new Promise((resolve, reject) => {
                  Module["instantiateWasm"](info2, (mod, inst) => {
                    resolve(receiveInstance(mod, inst));
                  });
                });
              }
              wasmBinaryFile ??= findWasmBinary();
              var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
              var exports2 = receiveInstantiationResult(result);
              return exports2;
            }
            __name(createWasm, "createWasm");
            class ExitStatus {
              static {
                __name(this, "ExitStatus");
              }
              name = "ExitStatus";
              constructor(status) {
                this.message = `Program terminated with exit(${status})`;
                this.status = status;
              }
            }
            var GOT = {};
            var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
            var GOTHandler = {
              get(obj, symName) {
                var rtn = GOT[symName];
                if (!rtn) {
                  rtn = GOT[symName] = new WebAssembly.Global({
                    "value": "i32",
                    "mutable": true
                  });
                }
                if (!currentModuleWeakSymbols.has(symName)) {
                  rtn.required = true;
                }
                return rtn;
              }
            };
            var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
            var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
            var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
            var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
            var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
            var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
            var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
            var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
            var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
            var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
            var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
            var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
            var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
            var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
              while (callbacks.length > 0) {
                callbacks.shift()(Module);
              }
            }, "callRuntimeCallbacks");
            var onPostRuns = [];
            var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
            var onPreRuns = [];
            var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
            var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
            var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
              var maxIdx = idx + maxBytesToRead;
              if (ignoreNul) return maxIdx;
              while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
              return idx;
            }, "findStringEnd");
            var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
              var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
              if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
                return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
              }
              var str = "";
              while (idx < endPtr) {
                var u0 = heapOrArray[idx++];
                if (!(u0 & 128)) {
                  str += String.fromCharCode(u0);
                  continue;
                }
                var u1 = heapOrArray[idx++] & 63;
                if ((u0 & 224) == 192) {
                  str += String.fromCharCode((u0 & 31) << 6 | u1);
                  continue;
                }
                var u2 = heapOrArray[idx++] & 63;
                if ((u0 & 240) == 224) {
                  u0 = (u0 & 15) << 12 | u1 << 6 | u2;
                } else {
                  u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
                }
                if (u0 < 65536) {
                  str += String.fromCharCode(u0);
                } else {
                  var ch = u0 - 65536;
                  str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
                }
              }
              return str;
            }, "UTF8ArrayToString");
            var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
              var offset = 0;
              var end = 0;
              function getU8() {
                return binary2[offset++];
              }
              __name(getU8, "getU8");
              function getLEB() {
                var ret = 0;
                var mul = 1;
                while (1) {
                  var byte = binary2[offset++];
                  ret += (byte & 127) * mul;
                  mul *= 128;
                  if (!(byte & 128)) break;
                }
                return ret;
              }
              __name(getLEB, "getLEB");
              function getString() {
                var len = getLEB();
                offset += len;
                return UTF8ArrayToString(binary2, offset - len, len);
              }
              __name(getString, "getString");
              function getStringList() {
                var count2 = getLEB();
                var rtn = [];
                while (count2--) rtn.push(getString());
                return rtn;
              }
              __name(getStringList, "getStringList");
              function failIf(condition, message) {
                if (condition) throw new Error(message);
              }
              __name(failIf, "failIf");
              if (binary2 instanceof WebAssembly.Module) {
                var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
                failIf(dylinkSection.length === 0, "need dylink section");
                binary2 = new Uint8Array(dylinkSection[0]);
                end = binary2.length;
              } else {
                var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
                var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
                failIf(!magicNumberFound, "need to see wasm magic number");
                failIf(binary2[8] !== 0, "need the dylink section to be first");
                offset = 9;
                var section_size = getLEB();
                end = offset + section_size;
                var name2 = getString();
                failIf(name2 !== "dylink.0");
              }
              var customSection = {
                neededDynlibs: [],
                tlsExports: /* @__PURE__ */ new Set(),
                weakImports: /* @__PURE__ */ new Set(),
                runtimePaths: []
              };
              var WASM_DYLINK_MEM_INFO = 1;
              var WASM_DYLINK_NEEDED = 2;
              var WASM_DYLINK_EXPORT_INFO = 3;
              var WASM_DYLINK_IMPORT_INFO = 4;
              var WASM_DYLINK_RUNTIME_PATH = 5;
              var WASM_SYMBOL_TLS = 256;
              var WASM_SYMBOL_BINDING_MASK = 3;
              var WASM_SYMBOL_BINDING_WEAK = 1;
              while (offset < end) {
                var subsectionType = getU8();
                var subsectionSize = getLEB();
                if (subsectionType === WASM_DYLINK_MEM_INFO) {
                  customSection.memorySize = getLEB();
                  customSection.memoryAlign = getLEB();
                  customSection.tableSize = getLEB();
                  customSection.tableAlign = getLEB();
                } else if (subsectionType === WASM_DYLINK_NEEDED) {
                  customSection.neededDynlibs = getStringList();
                } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
                  var count = getLEB();
                  while (count--) {
                    var symname = getString();
                    var flags2 = getLEB();
                    if (flags2 & WASM_SYMBOL_TLS) {
                      customSection.tlsExports.add(symname);
                    }
                  }
                } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
                  var count = getLEB();
                  while (count--) {
                    var modname = getString();
                    var symname = getString();
                    var flags2 = getLEB();
                    if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                      customSection.weakImports.add(symname);
                    }
                  }
                } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
                  customSection.runtimePaths = getStringList();
                } else {
                  offset += subsectionSize;
                }
              }
              return customSection;
            }, "getDylinkMetadata");
            function getValue(ptr, type = "i8") {
              if (type.endsWith("*")) type = "*";
              switch (type) {
                case "i1":
                  return HEAP8[ptr];
                case "i8":
                  return HEAP8[ptr];
                case "i16":
                  return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
                case "i32":
                  return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
                case "i64":
                  return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
                case "float":
                  return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
                case "double":
                  return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
                case "*":
                  return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
                default:
                  abort(`invalid type for getValue: ${type}`);
              }
            }
            __name(getValue, "getValue");
            var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
              var dso = {
                refcount: Infinity,
                name: name2,
                exports: syms,
                global: true
              };
              LDSO.loadedLibsByName[name2] = dso;
              if (handle2 != void 0) {
                LDSO.loadedLibsByHandle[handle2] = dso;
              }
              return dso;
            }, "newDSO");
            var LDSO = {
              loadedLibsByName: {},
              loadedLibsByHandle: {},
              init() {
                newDSO("__main__", 0, wasmImports);
              }
            };
            var ___heap_base = 82240;
            var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
            var getMemory = /* @__PURE__ */ __name((size) => {
              if (runtimeInitialized) {
                return _calloc(size, 1);
              }
              var ret = ___heap_base;
              var end = ret + alignMemory(size, 16);
              ___heap_base = end;
              GOT["__heap_base"].value = end;
              return ret;
            }, "getMemory");
            var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
            var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
              const n = arr.length;
              return [n % 128 | 128, n >> 7, ...arr];
            }, "uleb128EncodeWithLen");
            var wasmTypeCodes = {
              "i": 127,
              // i32
              "p": 127,
              // i32
              "j": 126,
              // i64
              "f": 125,
              // f32
              "d": 124,
              // f64
              "e": 111
            };
            var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
              var code = wasmTypeCodes[type];
              return code;
            })), "generateTypePack");
            var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
              var bytes = Uint8Array.of(
                0,
                97,
                115,
                109,
                // magic ("\0asm")
                1,
                0,
                0,
                0,
                // version: 1
                1,
                ...uleb128EncodeWithLen([
                  1,
                  // count: 1
                  96,
                  // param types
                  ...generateTypePack(sig.slice(1)),
                  // return types (for now only supporting [] if `void` and single [T] otherwise)
                  ...generateTypePack(sig[0] === "v" ? "" : sig[0])
                ]),
                // The rest of the module is static
                2,
                7,
                // import section
                // (import "e" "f" (func 0 (type 0)))
                1,
                1,
                101,
                1,
                102,
                0,
                0,
                7,
                5,
                // export section
                // (export "f" (func 0 (type 0)))
                1,
                1,
                102,
                0,
                0
              );
              var module2 = new WebAssembly.Module(bytes);
              var instance2 = new WebAssembly.Instance(module2, {
                "e": {
                  "f": func2
                }
              });
              var wrappedFunc = instance2.exports["f"];
              return wrappedFunc;
            }, "convertJsFunctionToWasm");
            var wasmTableMirror = [];
            var wasmTable = new WebAssembly.Table({
              "initial": 31,
              "element": "anyfunc"
            });
            var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
              var func2 = wasmTableMirror[funcPtr];
              if (!func2) {
                wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
              }
              return func2;
            }, "getWasmTableEntry");
            var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
              if (functionsInTableMap) {
                for (var i2 = offset; i2 < offset + count; i2++) {
                  var item = getWasmTableEntry(i2);
                  if (item) {
                    functionsInTableMap.set(item, i2);
                  }
                }
              }
            }, "updateTableMap");
            var functionsInTableMap;
            var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
              if (!functionsInTableMap) {
                functionsInTableMap = /* @__PURE__ */ new WeakMap();
                updateTableMap(0, wasmTable.length);
              }
              return functionsInTableMap.get(func2) || 0;
            }, "getFunctionAddress");
            var freeTableIndexes = [];
            var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
              if (freeTableIndexes.length) {
                return freeTableIndexes.pop();
              }
              return wasmTable["grow"](1);
            }, "getEmptyTableSlot");
            var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
              wasmTable.set(idx, func2);
              wasmTableMirror[idx] = wasmTable.get(idx);
            }, "setWasmTableEntry");
            var addFunction = /* @__PURE__ */ __name((func2, sig) => {
              var rtn = getFunctionAddress(func2);
              if (rtn) {
                return rtn;
              }
              var ret = getEmptyTableSlot();
              try {
                setWasmTableEntry(ret, func2);
              } catch (err2) {
                if (!(err2 instanceof TypeError)) {
                  throw err2;
                }
                var wrapped = convertJsFunctionToWasm(func2, sig);
                setWasmTableEntry(ret, wrapped);
              }
              functionsInTableMap.set(func2, ret);
              return ret;
            }, "addFunction");
            var updateGOT = /* @__PURE__ */ __name((exports2, replace) => {
              for (var symName in exports2) {
                if (isInternalSym(symName)) {
                  continue;
                }
                var value = exports2[symName];
                GOT[symName] ||= new WebAssembly.Global({
                  "value": "i32",
                  "mutable": true
                });
                if (replace || GOT[symName].value == 0) {
                  if (typeof value == "function") {
                    GOT[symName].value = addFunction(value);
                  } else if (typeof value == "number") {
                    GOT[symName].value = value;
                  } else {
                    err(`unhandled export type for '${symName}': ${typeof value}`);
                  }
                }
              }
            }, "updateGOT");
            var relocateExports = /* @__PURE__ */ __name((exports2, memoryBase2, replace) => {
              var relocated = {};
              for (var e in exports2) {
                var value = exports2[e];
                if (typeof value == "object") {
                  value = value.value;
                }
                if (typeof value == "number") {
                  value += memoryBase2;
                }
                relocated[e] = value;
              }
              updateGOT(relocated, replace);
              return relocated;
            }, "relocateExports");
            var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
              var existing = wasmImports[symName];
              if (!existing || existing.stub) {
                return false;
              }
              return true;
            }, "isSymbolDefined");
            var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
              var func2 = getWasmTableEntry(ptr);
              var rtn = func2(...args2);
              function convert(rtn2) {
                return rtn2;
              }
              __name(convert, "convert");
              return convert(rtn);
            }, "dynCall");
            var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
            var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
            var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
              var sp = stackSave();
              try {
                return dynCall(sig, ptr, args2);
              } catch (e) {
                stackRestore(sp);
                if (e !== e + 0) throw e;
                _setThrew(1, 0);
                if (sig[0] == "j") return 0n;
              }
            }, "createInvokeFunction");
            var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
              var sym;
              if (isSymbolDefined(symName)) {
                sym = wasmImports[symName];
              } else if (symName.startsWith("invoke_")) {
                sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
              }
              return {
                sym,
                name: symName
              };
            }, "resolveGlobalSymbol");
            var onPostCtors = [];
            var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
            var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
            var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
              var metadata = getDylinkMetadata(binary);
              function loadModule() {
                var memAlign = Math.pow(2, metadata.memoryAlign);
                var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
                var tableBase = metadata.tableSize ? wasmTable.length : 0;
                if (handle) {
                  HEAP8[handle + 8] = 1;
                  LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
                  LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
                  LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
                  LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
                }
                if (metadata.tableSize) {
                  wasmTable.grow(metadata.tableSize);
                }
                var moduleExports;
                function resolveSymbol(sym) {
                  var resolved = resolveGlobalSymbol(sym).sym;
                  if (!resolved && localScope) {
                    resolved = localScope[sym];
                  }
                  if (!resolved) {
                    resolved = moduleExports[sym];
                  }
                  return resolved;
                }
                __name(resolveSymbol, "resolveSymbol");
                var proxyHandler = {
                  get(stubs, prop) {
                    switch (prop) {
                      case "__memory_base":
                        return memoryBase;
                      case "__table_base":
                        return tableBase;
                    }
                    if (prop in wasmImports && !wasmImports[prop].stub) {
                      var res = wasmImports[prop];
                      return res;
                    }
                    if (!(prop in stubs)) {
                      var resolved;
                      stubs[prop] = (...args2) => {
                        resolved ||= resolveSymbol(prop);
                        return resolved(...args2);
                      };
                    }
                    return stubs[prop];
                  }
                };
                var proxy = new Proxy({}, proxyHandler);
                currentModuleWeakSymbols = metadata.weakImports;
                var info = {
                  "GOT.mem": new Proxy({}, GOTHandler),
                  "GOT.func": new Proxy({}, GOTHandler),
                  "env": proxy,
                  "wasi_snapshot_preview1": proxy
                };
                function postInstantiation(module, instance) {
                  updateTableMap(tableBase, metadata.tableSize);
                  moduleExports = relocateExports(instance.exports, memoryBase);
                  if (!flags.allowUndefined) {
                    reportUndefinedSymbols();
                  }
                  function addEmAsm(addr, body) {
                    var args = [];
                    var arity = 0;
                    for (; arity < 16; arity++) {
                      if (body.indexOf("$" + arity) != -1) {
                        args.push("$" + arity);
                      } else {
                        break;
                      }
                    }
                    args = args.join(",");
                    var func = `(${args}) => { ${body} };`;
                    ASM_CONSTS[start] = eval(func);
                  }
                  __name(addEmAsm, "addEmAsm");
                  if ("__start_em_asm" in moduleExports) {
                    var start = moduleExports["__start_em_asm"];
                    var stop = moduleExports["__stop_em_asm"];
                    while (start < stop) {
                      var jsString = UTF8ToString(start);
                      addEmAsm(start, jsString);
                      start = HEAPU8.indexOf(0, start) + 1;
                    }
                  }
                  function addEmJs(name, cSig, body) {
                    var jsArgs = [];
                    cSig = cSig.slice(1, -1);
                    if (cSig != "void") {
                      cSig = cSig.split(",");
                      for (var i in cSig) {
                        var jsArg = cSig[i].split(" ").pop();
                        jsArgs.push(jsArg.replace("*", ""));
                      }
                    }
                    var func = `(${jsArgs}) => ${body};`;
                    moduleExports[name] = eval(func);
                  }
                  __name(addEmJs, "addEmJs");
                  for (var name in moduleExports) {
                    if (name.startsWith("__em_js__")) {
                      var start = moduleExports[name];
                      var jsString = UTF8ToString(start);
                      var parts = jsString.split("<::>");
                      addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
                      delete moduleExports[name];
                    }
                  }
                  var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
                  if (applyRelocs) {
                    if (runtimeInitialized) {
                      applyRelocs();
                    } else {
                      __RELOC_FUNCS__.push(applyRelocs);
                    }
                  }
                  var init = moduleExports["__wasm_call_ctors"];
                  if (init) {
                    if (runtimeInitialized) {
                      init();
                    } else {
                      addOnPostCtor(init);
                    }
                  }
                  return moduleExports;
                }
                __name(postInstantiation, "postInstantiation");
                if (flags.loadAsync) {
                  return (async () => {
                    var instance2;
                    if (binary instanceof WebAssembly.Module) {
                      instance2 = new WebAssembly.Instance(binary, info);
                    } else {
                      ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
                    }
                    return postInstantiation(binary, instance2);
                  })();
                }
                var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
                var instance = new WebAssembly.Instance(module, info);
                return postInstantiation(module, instance);
              }
              __name(loadModule, "loadModule");
              flags = {
                ...flags,
                rpath: {
                  parentLibPath: libName,
                  paths: metadata.runtimePaths
                }
              };
              if (flags.loadAsync) {
                return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
              }
              metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
              return loadModule();
            }, "loadWebAssemblyModule");
            var mergeLibSymbols = /* @__PURE__ */ __name((exports2, libName2) => {
              for (var [sym, exp] of Object.entries(exports2)) {
                const setImport = /* @__PURE__ */ __name((target) => {
                  if (!isSymbolDefined(target)) {
                    wasmImports[target] = exp;
                  }
                }, "setImport");
                setImport(sym);
                const main_alias = "__main_argc_argv";
                if (sym == "main") {
                  setImport(main_alias);
                }
                if (sym == main_alias) {
                  setImport("main");
                }
              }
            }, "mergeLibSymbols");
            var asyncLoad = /* @__PURE__ */ __name(async (url) => {
              var arrayBuffer = await readAsync(url);
              return new Uint8Array(arrayBuffer);
            }, "asyncLoad");
            function loadDynamicLibrary(libName2, flags2 = {
              global: true,
              nodelete: true
            }, localScope2, handle2) {
              var dso = LDSO.loadedLibsByName[libName2];
              if (dso) {
                if (!flags2.global) {
                  if (localScope2) {
                    Object.assign(localScope2, dso.exports);
                  }
                } else if (!dso.global) {
                  dso.global = true;
                  mergeLibSymbols(dso.exports, libName2);
                }
                if (flags2.nodelete && dso.refcount !== Infinity) {
                  dso.refcount = Infinity;
                }
                dso.refcount++;
                if (handle2) {
                  LDSO.loadedLibsByHandle[handle2] = dso;
                }
                return flags2.loadAsync ? Promise.resolve(true) : true;
              }
              dso = newDSO(libName2, handle2, "loading");
              dso.refcount = flags2.nodelete ? Infinity : 1;
              dso.global = flags2.global;
              function loadLibData() {
                if (handle2) {
                  var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
                  var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
                  if (data && dataSize) {
                    var libData = HEAP8.slice(data, data + dataSize);
                    return flags2.loadAsync ? Promise.resolve(libData) : libData;
                  }
                }
                var libFile = locateFile(libName2);
                if (flags2.loadAsync) {
                  return asyncLoad(libFile);
                }
                if (!readBinary) {
                  throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
                }
                return readBinary(libFile);
              }
              __name(loadLibData, "loadLibData");
              function getExports() {
                if (flags2.loadAsync) {
                  return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
                }
                return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
              }
              __name(getExports, "getExports");
              function moduleLoaded(exports2) {
                if (dso.global) {
                  mergeLibSymbols(exports2, libName2);
                } else if (localScope2) {
                  Object.assign(localScope2, exports2);
                }
                dso.exports = exports2;
              }
              __name(moduleLoaded, "moduleLoaded");
              if (flags2.loadAsync) {
                return getExports().then((exports2) => {
                  moduleLoaded(exports2);
                  return true;
                });
              }
              moduleLoaded(getExports());
              return true;
            }
            __name(loadDynamicLibrary, "loadDynamicLibrary");
            var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
              for (var [symName, entry] of Object.entries(GOT)) {
                if (entry.value == 0) {
                  var value = resolveGlobalSymbol(symName, true).sym;
                  if (!value && !entry.required) {
                    continue;
                  }
                  if (typeof value == "function") {
                    entry.value = addFunction(value, value.sig);
                  } else if (typeof value == "number") {
                    entry.value = value;
                  } else {
                    throw new Error(`bad export type for '${symName}': ${typeof value}`);
                  }
                }
              }
            }, "reportUndefinedSymbols");
            var runDependencies = 0;
            var dependenciesFulfilled = null;
            var removeRunDependency = /* @__PURE__ */ __name((id) => {
              runDependencies--;
              Module["monitorRunDependencies"]?.(runDependencies);
              if (runDependencies == 0) {
                if (dependenciesFulfilled) {
                  var callback = dependenciesFulfilled;
                  dependenciesFulfilled = null;
                  callback();
                }
              }
            }, "removeRunDependency");
            var addRunDependency = /* @__PURE__ */ __name((id) => {
              runDependencies++;
              Module["monitorRunDependencies"]?.(runDependencies);
            }, "addRunDependency");
            var loadDylibs = /* @__PURE__ */ __name(async () => {
              if (!dynamicLibraries.length) {
                reportUndefinedSymbols();
                return;
              }
              addRunDependency("loadDylibs");
              for (var lib of dynamicLibraries) {
                await loadDynamicLibrary(lib, {
                  loadAsync: true,
                  global: true,
                  nodelete: true,
                  allowUndefined: true
                });
              }
              reportUndefinedSymbols();
              removeRunDependency("loadDylibs");
            }, "loadDylibs");
            var noExitRuntime = true;
            function setValue(ptr, value, type = "i8") {
              if (type.endsWith("*")) type = "*";
              switch (type) {
                case "i1":
                  HEAP8[ptr] = value;
                  break;
                case "i8":
                  HEAP8[ptr] = value;
                  break;
                case "i16":
                  LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
                  break;
                case "i32":
                  LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
                  break;
                case "i64":
                  LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
                  break;
                case "float":
                  LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
                  break;
                case "double":
                  LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
                  break;
                case "*":
                  LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
                  break;
                default:
                  abort(`invalid type for setValue: ${type}`);
              }
            }
            __name(setValue, "setValue");
            var ___memory_base = new WebAssembly.Global({
              "value": "i32",
              "mutable": false
            }, 1024);
            var ___stack_high = 82240;
            var ___stack_low = 16704;
            var ___stack_pointer = new WebAssembly.Global({
              "value": "i32",
              "mutable": true
            }, 82240);
            var ___table_base = new WebAssembly.Global({
              "value": "i32",
              "mutable": false
            }, 1);
            var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
            __abort_js.sig = "v";
            var getHeapMax = /* @__PURE__ */ __name(() => (
              // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
              // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
              // for any code that deals with heap sizes, which would require special
              // casing all heap size related code to treat 0 specially.
              2147483648
            ), "getHeapMax");
            var growMemory = /* @__PURE__ */ __name((size) => {
              var oldHeapSize = wasmMemory.buffer.byteLength;
              var pages = (size - oldHeapSize + 65535) / 65536 | 0;
              try {
                wasmMemory.grow(pages);
                updateMemoryViews();
                return 1;
              } catch (e) {
              }
            }, "growMemory");
            var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
              var oldSize = HEAPU8.length;
              requestedSize >>>= 0;
              var maxHeapSize = getHeapMax();
              if (requestedSize > maxHeapSize) {
                return false;
              }
              for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
                var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
                overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
                var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
                var replacement = growMemory(newSize);
                if (replacement) {
                  return true;
                }
              }
              return false;
            }, "_emscripten_resize_heap");
            _emscripten_resize_heap.sig = "ip";
            var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
            _fd_close.sig = "ii";
            var INT53_MAX = 9007199254740992;
            var INT53_MIN = -9007199254740992;
            var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
            function _fd_seek(fd, offset, whence, newOffset) {
              offset = bigintToI53Checked(offset);
              return 70;
            }
            __name(_fd_seek, "_fd_seek");
            _fd_seek.sig = "iijip";
            var printCharBuffers = [null, [], []];
            var printChar = /* @__PURE__ */ __name((stream, curr) => {
              var buffer = printCharBuffers[stream];
              if (curr === 0 || curr === 10) {
                (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
                buffer.length = 0;
              } else {
                buffer.push(curr);
              }
            }, "printChar");
            var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
              var num = 0;
              for (var i2 = 0; i2 < iovcnt; i2++) {
                var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
                var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
                iov += 8;
                for (var j = 0; j < len; j++) {
                  printChar(fd, HEAPU8[ptr + j]);
                }
                num += len;
              }
              LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
              return 0;
            }, "_fd_write");
            _fd_write.sig = "iippp";
            function _tree_sitter_log_callback(isLexMessage, messageAddress) {
              if (Module.currentLogCallback) {
                const message = UTF8ToString(messageAddress);
                Module.currentLogCallback(message, isLexMessage !== 0);
              }
            }
            __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
            function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
              const INPUT_BUFFER_SIZE = 10 * 1024;
              const string = Module.currentParseCallback(index, {
                row,
                column
              });
              if (typeof string === "string") {
                setValue(lengthAddress, string.length, "i32");
                stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
              } else {
                setValue(lengthAddress, 0, "i32");
              }
            }
            __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
            function _tree_sitter_progress_callback(currentOffset, hasError) {
              if (Module.currentProgressCallback) {
                return Module.currentProgressCallback({
                  currentOffset,
                  hasError
                });
              }
              return false;
            }
            __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
            function _tree_sitter_query_progress_callback(currentOffset) {
              if (Module.currentQueryProgressCallback) {
                return Module.currentQueryProgressCallback({
                  currentOffset
                });
              }
              return false;
            }
            __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
            var runtimeKeepaliveCounter = 0;
            var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
            var _proc_exit = /* @__PURE__ */ __name((code) => {
              EXITSTATUS = code;
              if (!keepRuntimeAlive()) {
                Module["onExit"]?.(code);
                ABORT = true;
              }
              quit_(code, new ExitStatus(code));
            }, "_proc_exit");
            _proc_exit.sig = "vi";
            var exitJS = /* @__PURE__ */ __name((status, implicit) => {
              EXITSTATUS = status;
              _proc_exit(status);
            }, "exitJS");
            var handleException = /* @__PURE__ */ __name((e) => {
              if (e instanceof ExitStatus || e == "unwind") {
                return EXITSTATUS;
              }
              quit_(1, e);
            }, "handleException");
            var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
              var len = 0;
              for (var i2 = 0; i2 < str.length; ++i2) {
                var c = str.charCodeAt(i2);
                if (c <= 127) {
                  len++;
                } else if (c <= 2047) {
                  len += 2;
                } else if (c >= 55296 && c <= 57343) {
                  len += 4;
                  ++i2;
                } else {
                  len += 3;
                }
              }
              return len;
            }, "lengthBytesUTF8");
            var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
              if (!(maxBytesToWrite > 0)) return 0;
              var startIdx = outIdx;
              var endIdx = outIdx + maxBytesToWrite - 1;
              for (var i2 = 0; i2 < str.length; ++i2) {
                var u = str.codePointAt(i2);
                if (u <= 127) {
                  if (outIdx >= endIdx) break;
                  heap[outIdx++] = u;
                } else if (u <= 2047) {
                  if (outIdx + 1 >= endIdx) break;
                  heap[outIdx++] = 192 | u >> 6;
                  heap[outIdx++] = 128 | u & 63;
                } else if (u <= 65535) {
                  if (outIdx + 2 >= endIdx) break;
                  heap[outIdx++] = 224 | u >> 12;
                  heap[outIdx++] = 128 | u >> 6 & 63;
                  heap[outIdx++] = 128 | u & 63;
                } else {
                  if (outIdx + 3 >= endIdx) break;
                  heap[outIdx++] = 240 | u >> 18;
                  heap[outIdx++] = 128 | u >> 12 & 63;
                  heap[outIdx++] = 128 | u >> 6 & 63;
                  heap[outIdx++] = 128 | u & 63;
                  i2++;
                }
              }
              heap[outIdx] = 0;
              return outIdx - startIdx;
            }, "stringToUTF8Array");
            var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
            var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
            var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
              var size = lengthBytesUTF8(str) + 1;
              var ret = stackAlloc(size);
              stringToUTF8(str, ret, size);
              return ret;
            }, "stringToUTF8OnStack");
            var AsciiToString = /* @__PURE__ */ __name((ptr) => {
              var str = "";
              while (1) {
                var ch = HEAPU8[ptr++];
                if (!ch) return str;
                str += String.fromCharCode(ch);
              }
            }, "AsciiToString");
            var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
              maxBytesToWrite ??= 2147483647;
              if (maxBytesToWrite < 2) return 0;
              maxBytesToWrite -= 2;
              var startPtr = outPtr;
              var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
              for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
                var codeUnit = str.charCodeAt(i2);
                LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
                outPtr += 2;
              }
              LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
              return outPtr - startPtr;
            }, "stringToUTF16");
            LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
              /* little endian */
              ((x) => x),
              ((x) => x),
              void 0,
              ((x) => x)
            ] : [
              /* big endian */
              ((x) => x),
              ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
              void 0,
              ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
            ];
            function LE_HEAP_UPDATE() {
              HEAPU16.unsigned = ((x) => x & 65535);
              HEAPU32.unsigned = ((x) => x >>> 0);
            }
            __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
            {
              initMemory();
              if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
              if (Module["print"]) out = Module["print"];
              if (Module["printErr"]) err = Module["printErr"];
              if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
              if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
              if (Module["arguments"]) arguments_ = Module["arguments"];
              if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
              if (Module["preInit"]) {
                if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
                while (Module["preInit"].length > 0) {
                  Module["preInit"].shift()();
                }
              }
            }
            Module["setValue"] = setValue;
            Module["getValue"] = getValue;
            Module["UTF8ToString"] = UTF8ToString;
            Module["stringToUTF8"] = stringToUTF8;
            Module["lengthBytesUTF8"] = lengthBytesUTF8;
            Module["AsciiToString"] = AsciiToString;
            Module["stringToUTF16"] = stringToUTF16;
            Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
            Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
            var ASM_CONSTS = {};
            var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
            function assignWasmExports(wasmExports2) {
              Module["_malloc"] = _malloc = wasmExports2["malloc"];
              Module["_calloc"] = _calloc = wasmExports2["calloc"];
              Module["_realloc"] = _realloc = wasmExports2["realloc"];
              Module["_free"] = _free = wasmExports2["free"];
              Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
              Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
              Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
              Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
              Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
              Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
              Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
              Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
              Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
              Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
              Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
              Module["_strlen"] = _strlen = wasmExports2["strlen"];
              Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
              Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
              Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
              Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
              Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
              Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
              Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
              Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
              Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
              Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
              Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
              Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
              Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
              Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
              Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
              Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
              Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
              Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
              Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
              Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
              Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
              Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
              Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
              Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
              Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
              Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
              Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
              Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
              Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
              Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
              Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
              Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
              Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
              Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
              Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
              Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
              Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
              Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
              Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
              Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
              Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
              Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
              Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
              Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
              Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
              Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
              Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
              Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
              Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
              Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
              Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
              Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
              Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
              Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
              Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
              Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
              Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
              Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
              Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
              Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
              Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
              Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
              Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
              Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
              Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
              Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
              Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
              Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
              Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
              Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
              Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
              Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
              Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
              Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
              Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
              Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
              Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
              Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
              Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
              Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
              Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
              Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
              Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
              Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
              Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
              Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
              Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
              Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
              Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
              Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
              Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
              Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
              Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
              Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
              Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
              Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
              Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
              Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
              Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
              Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
              Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
              Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
              Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
              Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
              Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
              Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
              Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
              Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
              Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
              Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
              Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
              Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
              Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
              Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
              Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
              Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
              Module["_memset"] = _memset = wasmExports2["memset"];
              Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
              Module["_memmove"] = _memmove = wasmExports2["memmove"];
              Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
              Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
              Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
              Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
              Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
              Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
              Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
              Module["_memchr"] = _memchr = wasmExports2["memchr"];
              Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
              Module["_strncat"] = _strncat = wasmExports2["strncat"];
              Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
              Module["_towlower"] = _towlower = wasmExports2["towlower"];
              Module["_towupper"] = _towupper = wasmExports2["towupper"];
              _setThrew = wasmExports2["setThrew"];
              __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
              __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
              _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
              ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
            }
            __name(assignWasmExports, "assignWasmExports");
            var wasmImports = {
              /** @export */
              __heap_base: ___heap_base,
              /** @export */
              __indirect_function_table: wasmTable,
              /** @export */
              __memory_base: ___memory_base,
              /** @export */
              __stack_high: ___stack_high,
              /** @export */
              __stack_low: ___stack_low,
              /** @export */
              __stack_pointer: ___stack_pointer,
              /** @export */
              __table_base: ___table_base,
              /** @export */
              _abort_js: __abort_js,
              /** @export */
              emscripten_resize_heap: _emscripten_resize_heap,
              /** @export */
              fd_close: _fd_close,
              /** @export */
              fd_seek: _fd_seek,
              /** @export */
              fd_write: _fd_write,
              /** @export */
              memory: wasmMemory,
              /** @export */
              tree_sitter_log_callback: _tree_sitter_log_callback,
              /** @export */
              tree_sitter_parse_callback: _tree_sitter_parse_callback,
              /** @export */
              tree_sitter_progress_callback: _tree_sitter_progress_callback,
              /** @export */
              tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
            };
            function callMain(args2 = []) {
              var entryFunction = resolveGlobalSymbol("main").sym;
              if (!entryFunction) return;
              args2.unshift(thisProgram);
              var argc = args2.length;
              var argv = stackAlloc((argc + 1) * 4);
              var argv_ptr = argv;
              args2.forEach((arg) => {
                LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
                argv_ptr += 4;
              });
              LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
              try {
                var ret = entryFunction(argc, argv);
                exitJS(
                  ret,
                  /* implicit = */
                  true
                );
                return ret;
              } catch (e) {
                return handleException(e);
              }
            }
            __name(callMain, "callMain");
            function run(args2 = arguments_) {
              if (runDependencies > 0) {
                dependenciesFulfilled = run;
                return;
              }
              preRun();
              if (runDependencies > 0) {
                dependenciesFulfilled = run;
                return;
              }
              function doRun() {
                Module["calledRun"] = true;
                if (ABORT) return;
                initRuntime();
                preMain();
                readyPromiseResolve?.(Module);
                Module["onRuntimeInitialized"]?.();
                var noInitialRun = Module["noInitialRun"] || false;
                if (!noInitialRun) callMain(args2);
                postRun();
              }
              __name(doRun, "doRun");
              if (Module["setStatus"]) {
                Module["setStatus"]("Running...");
                setTimeout(() => {
                  setTimeout(() => Module["setStatus"](""), 1);
                  doRun();
                }, 1);
              } else {
                doRun();
              }
            }
            __name(run, "run");
            var wasmExports;
            wasmExports = await createWasm();
            run();
            if (runtimeInitialized) {
              moduleRtn = Module;
            } else {
              moduleRtn = new Promise((resolve, reject) => {
                readyPromiseResolve = resolve;
                readyPromiseReject = reject;
              });
            }
            return moduleRtn;
          };
        })();
        if (typeof exports === "object" && typeof module === "object") {
          module.exports = Module;
          module.exports.default = Module;
        } else if (typeof define === "function" && define["amd"])
          define([], () => Module);
      }
    });
    var index_exports = {};
    __export(index_exports, {
      CaptureQuantifier: () => CaptureQuantifier,
      Edit: () => Edit,
      LANGUAGE_VERSION: () => LANGUAGE_VERSION,
      Language: () => Language,
      LookaheadIterator: () => LookaheadIterator,
      MIN_COMPATIBLE_VERSION: () => MIN_COMPATIBLE_VERSION,
      Node: () => Node,
      Parser: () => Parser,
      Query: () => Query,
      Tree: () => Tree,
      TreeCursor: () => TreeCursor
    });
    module.exports = __toCommonJS(index_exports);
    var Edit = class {
      static {
        __name(this, "Edit");
      }
      /** The start position of the change. */
      startPosition;
      /** The end position of the change before the edit. */
      oldEndPosition;
      /** The end position of the change after the edit. */
      newEndPosition;
      /** The start index of the change. */
      startIndex;
      /** The end index of the change before the edit. */
      oldEndIndex;
      /** The end index of the change after the edit. */
      newEndIndex;
      constructor({
        startIndex,
        oldEndIndex,
        newEndIndex,
        startPosition,
        oldEndPosition,
        newEndPosition
      }) {
        this.startIndex = startIndex >>> 0;
        this.oldEndIndex = oldEndIndex >>> 0;
        this.newEndIndex = newEndIndex >>> 0;
        this.startPosition = startPosition;
        this.oldEndPosition = oldEndPosition;
        this.newEndPosition = newEndPosition;
      }
      /**
       * Edit a point and index to keep it in-sync with source code that has been edited.
       *
       * This function updates a single point's byte offset and row/column position
       * based on an edit operation. This is useful for editing points without
       * requiring a tree or node instance.
       */
      editPoint(point, index) {
        let newIndex = index;
        const newPoint = { ...point };
        if (index >= this.oldEndIndex) {
          newIndex = this.newEndIndex + (index - this.oldEndIndex);
          const originalRow = point.row;
          newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
          newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
        } else if (index > this.startIndex) {
          newIndex = this.newEndIndex;
          newPoint.row = this.newEndPosition.row;
          newPoint.column = this.newEndPosition.column;
        }
        return { point: newPoint, index: newIndex };
      }
      /**
       * Edit a range to keep it in-sync with source code that has been edited.
       *
       * This function updates a range's start and end positions based on an edit
       * operation. This is useful for editing ranges without requiring a tree
       * or node instance.
       */
      editRange(range) {
        const newRange = {
          startIndex: range.startIndex,
          startPosition: { ...range.startPosition },
          endIndex: range.endIndex,
          endPosition: { ...range.endPosition }
        };
        if (range.endIndex >= this.oldEndIndex) {
          if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
            newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
            newRange.endPosition = {
              row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
              column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
            };
            if (newRange.endIndex < this.newEndIndex) {
              newRange.endIndex = Number.MAX_SAFE_INTEGER;
              newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
            }
          }
        } else if (range.endIndex > this.startIndex) {
          newRange.endIndex = this.startIndex;
          newRange.endPosition = { ...this.startPosition };
        }
        if (range.startIndex >= this.oldEndIndex) {
          newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
          newRange.startPosition = {
            row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
            column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
          };
          if (newRange.startIndex < this.newEndIndex) {
            newRange.startIndex = Number.MAX_SAFE_INTEGER;
            newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
          }
        } else if (range.startIndex > this.startIndex) {
          newRange.startIndex = this.startIndex;
          newRange.startPosition = { ...this.startPosition };
        }
        return newRange;
      }
    };
    var SIZE_OF_SHORT = 2;
    var SIZE_OF_INT = 4;
    var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
    var SIZE_OF_NODE = 5 * SIZE_OF_INT;
    var SIZE_OF_POINT = 2 * SIZE_OF_INT;
    var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
    var ZERO_POINT = { row: 0, column: 0 };
    var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
    function assertInternal(x) {
      if (x !== INTERNAL) throw new Error("Illegal constructor");
    }
    __name(assertInternal, "assertInternal");
    function isPoint(point) {
      return !!point && typeof point.row === "number" && typeof point.column === "number";
    }
    __name(isPoint, "isPoint");
    function setModule(module2) {
      C = module2;
    }
    __name(setModule, "setModule");
    var C;
    function newFinalizer(handler) {
      try {
        return new FinalizationRegistry(handler);
      } catch (e) {
        console.error("Unsupported FinalizationRegistry:", e);
        return;
      }
    }
    __name(newFinalizer, "newFinalizer");
    var finalizer = newFinalizer((address) => {
      C._ts_lookahead_iterator_delete(address);
    });
    var LookaheadIterator = class {
      static {
        __name(this, "LookaheadIterator");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      language;
      /** @internal */
      positioned = false;
      /** @internal */
      constructor(internal, address, language) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
        finalizer?.register(this, address, this);
      }
      /**
       * Get the current symbol of the lookahead iterator.
       *
       * Returns `null` if the iterator is not positioned on a symbol:
       *
       * - Before the first iteration step
       * - After the iterator is exhausted
       * - After a {@link reset} or {@link resetState} call
       */
      get currentTypeId() {
        return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
      }
      /**
       * Get the current symbol name of the lookahead iterator.
       *
       * Returns `null` if the iterator is not positioned on a symbol.
       */
      get currentType() {
        const id = this.currentTypeId;
        if (id === null) return null;
        return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
      }
      /** Delete the lookahead iterator, freeing its resources. */
      delete() {
        finalizer?.unregister(this);
        C._ts_lookahead_iterator_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Reset the lookahead iterator.
       *
       * This returns `true` if the language was set successfully and `false`
       * otherwise.
       */
      reset(language, stateId) {
        if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
          this.language = language;
          this.positioned = false;
          return true;
        }
        return false;
      }
      /**
       * Reset the lookahead iterator to another state.
       *
       * This returns `true` if the iterator was reset to the given state and
       * `false` otherwise.
       */
      resetState(stateId) {
        if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
        this.positioned = false;
        return true;
      }
      /**
       * Returns an iterator that iterates over the symbols of the lookahead iterator.
       *
       * The iterator will yield the current symbol name as a string for each step
       * until there are no more symbols to iterate over.
       */
      [Symbol.iterator]() {
        return {
          next: /* @__PURE__ */ __name(() => {
            this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
            const value = this.currentType;
            return value === null ? { done: true, value: "" } : { done: false, value };
          }, "next")
        };
      }
    };
    function getText(tree, startIndex, endIndex, startPosition) {
      const length = endIndex - startIndex;
      let result = tree.textCallback(startIndex, startPosition);
      if (result) {
        startIndex += result.length;
        while (startIndex < endIndex) {
          const string = tree.textCallback(startIndex, startPosition);
          if (string && string.length > 0) {
            startIndex += string.length;
            result += string;
          } else {
            break;
          }
        }
        if (startIndex > endIndex) {
          result = result.slice(0, length);
        }
      }
      return result ?? "";
    }
    __name(getText, "getText");
    var finalizer2 = newFinalizer((address) => {
      C._ts_tree_delete(address);
    });
    var Tree = class _Tree {
      static {
        __name(this, "Tree");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      textCallback;
      /** The language that was used to parse the syntax tree. */
      language;
      /** @internal */
      constructor(internal, address, language, textCallback) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
        this.textCallback = textCallback;
        finalizer2?.register(this, address, this);
      }
      /** Create a shallow copy of the syntax tree. This is very fast. */
      copy() {
        const address = C._ts_tree_copy(this[0]);
        return new _Tree(INTERNAL, address, this.language, this.textCallback);
      }
      /** Delete the syntax tree, freeing its resources. */
      delete() {
        finalizer2?.unregister(this);
        C._ts_tree_delete(this[0]);
        this[0] = 0;
      }
      /** Get the root node of the syntax tree. */
      get rootNode() {
        C._ts_tree_root_node_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Get the root node of the syntax tree, but with its position shifted
       * forward by the given offset.
       */
      rootNodeWithOffset(offsetBytes, offsetExtent) {
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, offsetBytes, "i32");
        marshalPoint(address + SIZE_OF_INT, offsetExtent);
        C._ts_tree_root_node_with_offset_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Edit the syntax tree to keep it in sync with source code that has been
       * edited.
       *
       * You must describe the edit both in terms of byte offsets and in terms of
       * row/column coordinates.
       */
      edit(edit) {
        marshalEdit(edit);
        C._ts_tree_edit_wasm(this[0]);
      }
      /** Create a new {@link TreeCursor} starting from the root of the tree. */
      walk() {
        return this.rootNode.walk();
      }
      /**
       * Compare this old edited syntax tree to a new syntax tree representing
       * the same document, returning a sequence of ranges whose syntactic
       * structure has changed.
       *
       * For this to work correctly, this syntax tree must have been edited such
       * that its ranges match up to the new tree. Generally, you'll want to
       * call this method right after calling one of the [`Parser::parse`]
       * functions. Call it on the old tree that was passed to parse, and
       * pass the new tree that was returned from `parse`.
       */
      getChangedRanges(other) {
        if (!(other instanceof _Tree)) {
          throw new TypeError("Argument must be a Tree");
        }
        C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the included ranges that were used to parse the syntax tree. */
      getIncludedRanges() {
        C._ts_tree_included_ranges_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
    };
    var finalizer3 = newFinalizer((handles) => {
      marshalTreeCursor({ handles });
      C._ts_tree_cursor_delete_wasm(0);
    });
    var TreeCursor = class _TreeCursor {
      static {
        __name(this, "TreeCursor");
      }
      /** @internal */
      handles = [0, 0, 0, 0];
      // Internal handles for Wasm, shared with the finalizer.
      /** @internal */
      tree;
      /** @internal */
      constructor(internal, tree) {
        assertInternal(internal);
        this.tree = tree;
        unmarshalTreeCursor(this);
        finalizer3?.register(this, this.handles, this);
      }
      /** Creates a deep copy of the tree cursor. This allocates new memory. */
      copy() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_copy_wasm(this.tree[0]);
        return new _TreeCursor(INTERNAL, this.tree);
      }
      /** Delete the tree cursor, freeing its resources. */
      delete() {
        finalizer3?.unregister(this);
        marshalTreeCursor(this);
        C._ts_tree_cursor_delete_wasm(this.tree[0]);
        this.handles.fill(0);
      }
      /** Get the tree cursor's current {@link Node}. */
      get currentNode() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_current_node_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the numerical field id of this tree cursor's current node.
       *
       * See also {@link TreeCursor#currentFieldName}.
       */
      get currentFieldId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
      }
      /** Get the field name of this tree cursor's current node. */
      get currentFieldName() {
        return this.tree.language.fields[this.currentFieldId];
      }
      /**
       * Get the depth of the cursor's current node relative to the original
       * node that the cursor was constructed with.
       */
      get currentDepth() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
      }
      /**
       * Get the index of the cursor's current node out of all of the
       * descendants of the original node that the cursor was constructed with.
       */
      get currentDescendantIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
      }
      /** Get the type of the cursor's current node. */
      get nodeType() {
        return this.tree.language.types[this.nodeTypeId] || "ERROR";
      }
      /** Get the type id of the cursor's current node. */
      get nodeTypeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
      }
      /** Get the state id of the cursor's current node. */
      get nodeStateId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
      }
      /** Get the id of the cursor's current node. */
      get nodeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
      }
      /**
       * Check if the cursor's current node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get nodeIsNamed() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if the cursor's current node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get nodeIsMissing() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Get the string content of the cursor's current node. */
      get nodeText() {
        marshalTreeCursor(this);
        const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
        const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        const startPosition = unmarshalPoint(TRANSFER_BUFFER);
        return getText(this.tree, startIndex, endIndex, startPosition);
      }
      /** Get the start position of the cursor's current node. */
      get startPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the end position of the cursor's current node. */
      get endPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_end_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the start index of the cursor's current node. */
      get startIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
      }
      /** Get the end index of the cursor's current node. */
      get endIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
      }
      /**
       * Move this cursor to the first child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       */
      gotoFirstChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the last child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoFirstChild} because it needs to
       * iterate through all the children to compute the child's position.
       */
      gotoLastChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the parent of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no parent node (the cursor was already on the
       * root node).
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoParent() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the next sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no next sibling node.
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoNextSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the previous sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no previous sibling node.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoNextSibling} due to how node
       * positions are stored. In the worst case, this will need to iterate
       * through all the children up to the previous sibling node to recalculate
       * its position. Also note that the node the cursor was constructed with is
       * considered the root of the cursor, and the cursor cannot walk outside this node.
       */
      gotoPreviousSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move the cursor to the node that is the nth descendant of
       * the original node that the cursor was constructed with, where
       * zero represents the original node itself.
       */
      gotoDescendant(goalDescendantIndex) {
        marshalTreeCursor(this);
        C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
        unmarshalTreeCursor(this);
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given byte offset.
       *
       * This returns `true` if the cursor successfully moved to a child node, and returns
       * `false` if no such child was found.
       */
      gotoFirstChildForIndex(goalIndex) {
        marshalTreeCursor(this);
        C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
        const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given position.
       *
       * This returns `true` if the cursor successfully moved to a child node, and returns
       * `false` if no such child was found.
       */
      gotoFirstChildForPosition(goalPosition) {
        marshalTreeCursor(this);
        marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
        const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Re-initialize this tree cursor to start at the original node that the
       * cursor was constructed with.
       */
      reset(node) {
        marshalNode(node);
        marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
        C._ts_tree_cursor_reset_wasm(node.tree[0]);
        unmarshalTreeCursor(this);
        this.tree = node.tree;
      }
      /**
       * Re-initialize a tree cursor to the same position as another cursor.
       *
       * Unlike {@link TreeCursor#reset}, this will not lose parent
       * information and allows reusing already created cursors.
       */
      resetTo(cursor) {
        marshalTreeCursor(this, TRANSFER_BUFFER);
        marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
        C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
        unmarshalTreeCursor(this);
        this.tree = cursor.tree;
      }
    };
    var Node = class {
      static {
        __name(this, "Node");
      }
      /** @internal */
      // @ts-expect-error: never read
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      _children;
      /** @internal */
      _namedChildren;
      /** @internal */
      constructor(internal, {
        id,
        tree,
        startIndex,
        startPosition,
        other
      }) {
        assertInternal(internal);
        this[0] = other;
        this.id = id;
        this.tree = tree;
        this.startIndex = startIndex;
        this.startPosition = startPosition;
      }
      /**
       * The numeric id for this node that is unique.
       *
       * Within a given syntax tree, no two nodes have the same id. However:
       *
       * * If a new tree is created based on an older tree, and a node from the old tree is reused in
       *   the process, then that node will have the same id in both trees.
       *
       * * A node not marked as having changes does not guarantee it was reused.
       *
       * * If a node is marked as having changed in the old tree, it will not be reused.
       */
      id;
      /** The byte index where this node starts. */
      startIndex;
      /** The position where this node starts. */
      startPosition;
      /** The tree that this node belongs to. */
      tree;
      /** Get this node's type as a numerical id. */
      get typeId() {
        marshalNode(this);
        return C._ts_node_symbol_wasm(this.tree[0]);
      }
      /**
       * Get the node's type as a numerical id as it appears in the grammar,
       * ignoring aliases.
       */
      get grammarId() {
        marshalNode(this);
        return C._ts_node_grammar_symbol_wasm(this.tree[0]);
      }
      /** Get this node's type as a string. */
      get type() {
        return this.tree.language.types[this.typeId] || "ERROR";
      }
      /**
       * Get this node's symbol name as it appears in the grammar, ignoring
       * aliases as a string.
       */
      get grammarType() {
        return this.tree.language.types[this.grammarId] || "ERROR";
      }
      /**
       * Check if this node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get isNamed() {
        marshalNode(this);
        return C._ts_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *extra*.
       *
       * Extra nodes represent things like comments, which are not required
       * by the grammar, but can appear anywhere.
       */
      get isExtra() {
        marshalNode(this);
        return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error.
       *
       * Syntax errors represent parts of the code that could not be incorporated
       * into a valid syntax tree.
       */
      get isError() {
        marshalNode(this);
        return C._ts_node_is_error_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get isMissing() {
        marshalNode(this);
        return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Check if this node has been edited. */
      get hasChanges() {
        marshalNode(this);
        return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error or contains any syntax
       * errors anywhere within it.
       */
      get hasError() {
        marshalNode(this);
        return C._ts_node_has_error_wasm(this.tree[0]) === 1;
      }
      /** Get the byte index where this node ends. */
      get endIndex() {
        marshalNode(this);
        return C._ts_node_end_index_wasm(this.tree[0]);
      }
      /** Get the position where this node ends. */
      get endPosition() {
        marshalNode(this);
        C._ts_node_end_point_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the string content of this node. */
      get text() {
        return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
      }
      /** Get this node's parse state. */
      get parseState() {
        marshalNode(this);
        return C._ts_node_parse_state_wasm(this.tree[0]);
      }
      /** Get the parse state after this node. */
      get nextParseState() {
        marshalNode(this);
        return C._ts_node_next_parse_state_wasm(this.tree[0]);
      }
      /** Check if this node is equal to another node. */
      equals(other) {
        return this.tree === other.tree && this.id === other.id;
      }
      /**
       * Get the node's child at the given index, where zero represents the first child.
       *
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#children} instead.
       */
      child(index) {
        marshalNode(this);
        C._ts_node_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's *named* child at the given index.
       *
       * See also {@link Node#isNamed}.
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#namedChildren} instead.
       */
      namedChild(index) {
        marshalNode(this);
        C._ts_node_named_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's child with the given numerical field id.
       *
       * See also {@link Node#childForFieldName}. You can
       * convert a field name to an id using {@link Language#fieldIdForName}.
       */
      childForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the first child with the given field name.
       *
       * If multiple children may have the same field name, access them using
       * {@link Node#childrenForFieldName}.
       */
      childForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1) return this.childForFieldId(fieldId);
        return null;
      }
      /** Get the field name of this node's child at the given index. */
      fieldNameForChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /** Get the field name of this node's named child at the given index. */
      fieldNameForNamedChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /**
       * Get an array of this node's children with a given field name.
       *
       * See also {@link Node#children}.
       */
      childrenForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
        return [];
      }
      /**
        * Get an array of this node's children with a given field id.
        *
        * See also {@link Node#childrenForFieldName}.
        */
      childrenForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the node's first child that contains or starts after the given byte offset. */
      firstChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's first named child that contains or starts after the given byte offset. */
      firstNamedChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's number of children. */
      get childCount() {
        marshalNode(this);
        return C._ts_node_child_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's number of *named* children.
       *
       * See also {@link Node#isNamed}.
       */
      get namedChildCount() {
        marshalNode(this);
        return C._ts_node_named_child_count_wasm(this.tree[0]);
      }
      /** Get this node's first child. */
      get firstChild() {
        return this.child(0);
      }
      /**
       * Get this node's first named child.
       *
       * See also {@link Node#isNamed}.
       */
      get firstNamedChild() {
        return this.namedChild(0);
      }
      /** Get this node's last child. */
      get lastChild() {
        return this.child(this.childCount - 1);
      }
      /**
       * Get this node's last named child.
       *
       * See also {@link Node#isNamed}.
       */
      get lastNamedChild() {
        return this.namedChild(this.namedChildCount - 1);
      }
      /**
       * Iterate over this node's children.
       *
       * If you're walking the tree recursively, you may want to use the
       * {@link TreeCursor} APIs directly instead.
       */
      get children() {
        if (!this._children) {
          marshalNode(this);
          C._ts_node_children_wasm(this.tree[0]);
          const count = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._children = new Array(count);
          if (count > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count; i2++) {
              this._children[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._children;
      }
      /**
       * Iterate over this node's named children.
       *
       * See also {@link Node#children}.
       */
      get namedChildren() {
        if (!this._namedChildren) {
          marshalNode(this);
          C._ts_node_named_children_wasm(this.tree[0]);
          const count = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._namedChildren = new Array(count);
          if (count > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count; i2++) {
              this._namedChildren[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._namedChildren;
      }
      /**
       * Get the descendants of this node that are the given type, or in the given types array.
       *
       * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
       *
       * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
       */
      descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
        if (!Array.isArray(types)) types = [types];
        const symbols = [];
        const typesBySymbol = this.tree.language.types;
        for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
          if (types.includes(typesBySymbol[i2])) {
            symbols.push(i2);
          }
        }
        if (types.includes("ERROR")) {
          symbols.push(65535);
        }
        const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
        for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
          C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
        }
        marshalNode(this);
        C._ts_node_descendants_of_type_wasm(
          this.tree[0],
          symbolsAddress,
          symbols.length,
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column
        );
        const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
        const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(descendantCount);
        if (descendantCount > 0) {
          let address = descendantAddress;
          for (let i2 = 0; i2 < descendantCount; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
        }
        C._free(descendantAddress);
        C._free(symbolsAddress);
        return result;
      }
      /** Get this node's next sibling. */
      get nextSibling() {
        marshalNode(this);
        C._ts_node_next_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's previous sibling. */
      get previousSibling() {
        marshalNode(this);
        C._ts_node_prev_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's next *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get nextNamedSibling() {
        marshalNode(this);
        C._ts_node_next_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's previous *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get previousNamedSibling() {
        marshalNode(this);
        C._ts_node_prev_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's number of descendants, including one for the node itself. */
      get descendantCount() {
        marshalNode(this);
        return C._ts_node_descendant_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's immediate parent.
       * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
       */
      get parent() {
        marshalNode(this);
        C._ts_node_parent_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the node that contains `descendant`.
       *
       * Note that this can return `descendant` itself.
       */
      childWithDescendant(descendant) {
        marshalNode(this);
        marshalNode(descendant, 1);
        C._ts_node_child_with_descendant_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given byte range. */
      descendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given byte range. */
      namedDescendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given point range. */
      descendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given point range. */
      namedDescendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Create a new {@link TreeCursor} starting from this node.
       *
       * Note that the given node is considered the root of the cursor,
       * and the cursor cannot walk outside this node.
       */
      walk() {
        marshalNode(this);
        C._ts_tree_cursor_new_wasm(this.tree[0]);
        return new TreeCursor(INTERNAL, this.tree);
      }
      /**
       * Edit this node to keep it in-sync with source code that has been edited.
       *
       * This function is only rarely needed. When you edit a syntax tree with
       * the {@link Tree#edit} method, all of the nodes that you retrieve from
       * the tree afterward will already reflect the edit. You only need to
       * use {@link Node#edit} when you have a specific {@link Node} instance that
       * you want to keep and continue to use after an edit.
       */
      edit(edit) {
        const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
        this.startPosition = point;
        this.startIndex = index;
      }
      /** Get the S-expression representation of this node. */
      toString() {
        marshalNode(this);
        const address = C._ts_node_to_string_wasm(this.tree[0]);
        const result = C.AsciiToString(address);
        C._free(address);
        return result;
      }
    };
    function unmarshalCaptures(query, tree, address, patternIndex, result) {
      for (let i2 = 0, n = result.length; i2 < n; i2++) {
        const captureIndex = C.getValue(address, "i32");
        address += SIZE_OF_INT;
        const node = unmarshalNode(tree, address);
        address += SIZE_OF_NODE;
        result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
      }
      return address;
    }
    __name(unmarshalCaptures, "unmarshalCaptures");
    function marshalNode(node, index = 0) {
      let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
      C.setValue(address, node.id, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startPosition.row, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startPosition.column, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node[0], "i32");
    }
    __name(marshalNode, "marshalNode");
    function unmarshalNode(tree, address = TRANSFER_BUFFER) {
      const id = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      if (id === 0) return null;
      const index = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const row = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const column = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const other = C.getValue(address, "i32");
      const result = new Node(INTERNAL, {
        id,
        tree,
        startIndex: index,
        startPosition: { row, column },
        other
      });
      return result;
    }
    __name(unmarshalNode, "unmarshalNode");
    function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
      C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
      C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
      C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
      C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
    }
    __name(marshalTreeCursor, "marshalTreeCursor");
    function unmarshalTreeCursor({ handles }) {
      handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
      handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
      handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
      handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
    }
    __name(unmarshalTreeCursor, "unmarshalTreeCursor");
    function marshalPoint(address, point) {
      C.setValue(address, point.row, "i32");
      C.setValue(address + SIZE_OF_INT, point.column, "i32");
    }
    __name(marshalPoint, "marshalPoint");
    function unmarshalPoint(address) {
      const result = {
        row: C.getValue(address, "i32") >>> 0,
        column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
      };
      return result;
    }
    __name(unmarshalPoint, "unmarshalPoint");
    function marshalRange(address, range) {
      marshalPoint(address, range.startPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, range.endPosition);
      address += SIZE_OF_POINT;
      C.setValue(address, range.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, range.endIndex, "i32");
      address += SIZE_OF_INT;
    }
    __name(marshalRange, "marshalRange");
    function unmarshalRange(address) {
      const result = {};
      result.startPosition = unmarshalPoint(address);
      address += SIZE_OF_POINT;
      result.endPosition = unmarshalPoint(address);
      address += SIZE_OF_POINT;
      result.startIndex = C.getValue(address, "i32") >>> 0;
      address += SIZE_OF_INT;
      result.endIndex = C.getValue(address, "i32") >>> 0;
      return result;
    }
    __name(unmarshalRange, "unmarshalRange");
    function marshalEdit(edit, address = TRANSFER_BUFFER) {
      marshalPoint(address, edit.startPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, edit.oldEndPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, edit.newEndPosition);
      address += SIZE_OF_POINT;
      C.setValue(address, edit.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, edit.oldEndIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, edit.newEndIndex, "i32");
      address += SIZE_OF_INT;
    }
    __name(marshalEdit, "marshalEdit");
    function unmarshalLanguageMetadata(address) {
      const major_version = C.getValue(address, "i32");
      const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
      const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
      return { major_version, minor_version, patch_version };
    }
    __name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
    var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
    var Language = class _Language {
      static {
        __name(this, "Language");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /**
       * A list of all node types in the language. The index of each type in this
       * array is its node type id.
       */
      types;
      /**
       * A list of all field names in the language. The index of each field name in
       * this array is its field id.
       */
      fields;
      /** @internal */
      constructor(internal, address) {
        assertInternal(internal);
        this[0] = address;
        this.types = new Array(C._ts_language_symbol_count(this[0]));
        for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
          if (C._ts_language_symbol_type(this[0], i2) < 2) {
            this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
          }
        }
        this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
        for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
          const fieldName = C._ts_language_field_name_for_id(this[0], i2);
          if (fieldName !== 0) {
            this.fields[i2] = C.UTF8ToString(fieldName);
          } else {
            this.fields[i2] = null;
          }
        }
      }
      /**
       * Gets the name of the language.
       */
      get name() {
        const ptr = C._ts_language_name(this[0]);
        if (ptr === 0) return null;
        return C.UTF8ToString(ptr);
      }
      /**
       * Gets the ABI version of the language.
       */
      get abiVersion() {
        return C._ts_language_abi_version(this[0]);
      }
      /**
      * Get the metadata for this language. This information is generated by the
      * CLI, and relies on the language author providing the correct metadata in
      * the language's `tree-sitter.json` file.
      */
      get metadata() {
        C._ts_language_metadata_wasm(this[0]);
        const length = C.getValue(TRANSFER_BUFFER, "i32");
        if (length === 0) return null;
        return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
      }
      /**
       * Gets the number of fields in the language.
       */
      get fieldCount() {
        return this.fields.length - 1;
      }
      /**
       * Gets the number of states in the language.
       */
      get stateCount() {
        return C._ts_language_state_count(this[0]);
      }
      /**
       * Get the field id for a field name.
       */
      fieldIdForName(fieldName) {
        const result = this.fields.indexOf(fieldName);
        return result !== -1 ? result : null;
      }
      /**
       * Get the field name for a field id.
       */
      fieldNameForId(fieldId) {
        return this.fields[fieldId] ?? null;
      }
      /**
       * Get the node type id for a node type name.
       */
      idForNodeType(type, named) {
        const typeLength = C.lengthBytesUTF8(type);
        const typeAddress = C._malloc(typeLength + 1);
        C.stringToUTF8(type, typeAddress, typeLength + 1);
        const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
        C._free(typeAddress);
        return result || null;
      }
      /**
       * Gets the number of node types in the language.
       */
      get nodeTypeCount() {
        return C._ts_language_symbol_count(this[0]);
      }
      /**
       * Get the node type name for a node type id.
       */
      nodeTypeForId(typeId) {
        const name2 = C._ts_language_symbol_name(this[0], typeId);
        return name2 ? C.UTF8ToString(name2) : null;
      }
      /**
       * Check if a node type is named.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
       */
      nodeTypeIsNamed(typeId) {
        return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Check if a node type is visible.
       */
      nodeTypeIsVisible(typeId) {
        return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Get the supertypes ids of this language.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
       */
      get supertypes() {
        C._ts_language_supertypes_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the subtype ids for a given supertype node id.
       */
      subtypes(supertype) {
        C._ts_language_subtypes_wasm(this[0], supertype);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the next state id for a given state id and node type id.
       */
      nextState(stateId, typeId) {
        return C._ts_language_next_state(this[0], stateId, typeId);
      }
      /**
       * Create a new lookahead iterator for this language and parse state.
       *
       * This returns `null` if state is invalid for this language.
       *
       * Iterating {@link LookaheadIterator} will yield valid symbols in the given
       * parse state. A newly created iterator is not positioned on a symbol, so
       * {@link LookaheadIterator#currentType} returns `null` until the first
       * iteration step.
       *
       * Lookahead iterators can be useful for generating suggestions and improving
       * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
       * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
       * lookahead iterator created on the previous non-extra leaf node may be
       * appropriate.
       */
      lookaheadIterator(stateId) {
        const address = C._ts_lookahead_iterator_new(this[0], stateId);
        if (address) return new LookaheadIterator(INTERNAL, address, this);
        return null;
      }
      /**
       * Load a language from a WebAssembly module.
       * The module can be provided as a path to a file, a `URL` to a file, or as a
       * buffer.
       */
      static async load(input) {
        let binary2;
        if (input instanceof Uint8Array) {
          binary2 = input;
        } else if (globalThis.process?.versions.node) {
          const fs22 = await import("fs/promises");
          binary2 = await fs22.readFile(input);
        } else {
          const response = await fetch(input);
          if (!response.ok) {
            const body2 = await response.text();
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
          const retryResp = response.clone();
          try {
            binary2 = await WebAssembly.compileStreaming(response);
          } catch (reason) {
            console.error("wasm streaming compile failed:", reason);
            console.error("falling back to ArrayBuffer instantiation");
            binary2 = new Uint8Array(await retryResp.arrayBuffer());
          }
        }
        const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
        return _Language.loadFromWasmExports(mod, { sync: false });
      }
      static loadFromWasmExports(mod, { sync }) {
        const symbolNames = Object.keys(mod);
        const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
        if (!functionName) {
          console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
          throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
        }
        const languageAddress = mod[functionName]();
        return new _Language(INTERNAL, languageAddress);
      }
      /**
       * Load a language synchronously from a pre-compiled WebAssembly module.
       * Use this when the host environment provides a `WebAssembly.Module` directly.
       */
      static loadSync(wasmModule) {
        const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
        return _Language.loadFromWasmExports(mod, { sync: true });
      }
    };
    var import_web_tree_sitter = __toESM(require_web_tree_sitter(), 1);
    var Module2 = null;
    async function initializeBinding(moduleOptions) {
      return Module2 ??= await (0, import_web_tree_sitter.default)(moduleOptions);
    }
    __name(initializeBinding, "initializeBinding");
    function checkModule() {
      return !!Module2;
    }
    __name(checkModule, "checkModule");
    var TRANSFER_BUFFER;
    var LANGUAGE_VERSION;
    var MIN_COMPATIBLE_VERSION;
    var finalizer4 = newFinalizer((addresses) => {
      C._ts_parser_delete(addresses[0]);
      C._free(addresses[1]);
    });
    var Parser = class {
      static {
        __name(this, "Parser");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      [1] = 0;
      // Internal handle for Wasm
      /** @internal */
      logCallback = null;
      /** The parser's current language. */
      language = null;
      /**
       * This must always be called before creating a Parser.
       *
       * You can optionally pass in options to configure the Wasm module, the most common
       * one being `locateFile` to help the module find the `.wasm` file.
       */
      static async init(moduleOptions) {
        setModule(await initializeBinding(moduleOptions));
        TRANSFER_BUFFER = C._ts_init();
        LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
        MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /**
       * Create a new parser.
       */
      constructor() {
        this.initialize();
        finalizer4?.register(this, [this[0], this[1]], this);
      }
      /** @internal */
      initialize() {
        if (!checkModule()) {
          throw new Error("cannot construct a Parser before calling `init()`");
        }
        C._ts_parser_new_wasm();
        this[0] = C.getValue(TRANSFER_BUFFER, "i32");
        this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /** Delete the parser, freeing its resources. */
      delete() {
        finalizer4?.unregister(this);
        C._ts_parser_delete(this[0]);
        C._free(this[1]);
        this[0] = 0;
        this[1] = 0;
      }
      /**
       * Set the language that the parser should use for parsing.
       *
       * If the language was not successfully assigned, an error will be thrown.
       * This happens if the language was generated with an incompatible
       * version of the Tree-sitter CLI. Check the language's version using
       * {@link Language#version} and compare it to this library's
       * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
       */
      setLanguage(language) {
        let address;
        if (!language) {
          address = 0;
          this.language = null;
        } else if (language.constructor === Language) {
          address = language[0];
          const version = C._ts_language_abi_version(address);
          if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
            throw new Error(
              `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
            );
          }
          this.language = language;
        } else {
          throw new Error("Argument must be a Language");
        }
        C._ts_parser_set_language(this[0], address);
        return this;
      }
      /**
       * Parse a slice of UTF8 text.
       *
       * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
       *
       * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
       *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
       *   the new text using {@link Tree#edit}.
       *
       * @param {ParseOptions} [options] - Options for parsing the text.
       *  This can be used to set the included ranges, or a progress callback.
       *
       * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
       *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
       *  - The progress callback returned true.
       */
      parse(callback, oldTree, options) {
        if (typeof callback === "string") {
          C.currentParseCallback = (index) => callback.slice(index);
        } else if (typeof callback === "function") {
          C.currentParseCallback = callback;
        } else {
          throw new Error("Argument must be a string or a function");
        }
        if (options?.progressCallback) {
          C.currentProgressCallback = options.progressCallback;
        } else {
          C.currentProgressCallback = null;
        }
        if (this.logCallback) {
          C.currentLogCallback = this.logCallback;
          C._ts_parser_enable_logger_wasm(this[0], 1);
        } else {
          C.currentLogCallback = null;
          C._ts_parser_enable_logger_wasm(this[0], 0);
        }
        let rangeCount = 0;
        let rangeAddress = 0;
        if (options?.includedRanges) {
          rangeCount = options.includedRanges.length;
          rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
          let address = rangeAddress;
          for (let i2 = 0; i2 < rangeCount; i2++) {
            marshalRange(address, options.includedRanges[i2]);
            address += SIZE_OF_RANGE;
          }
        }
        const treeAddress = C._ts_parser_parse_wasm(
          this[0],
          this[1],
          oldTree ? oldTree[0] : 0,
          rangeAddress,
          rangeCount
        );
        if (!treeAddress) {
          C.currentParseCallback = null;
          C.currentLogCallback = null;
          C.currentProgressCallback = null;
          return null;
        }
        if (!this.language) {
          throw new Error("Parser must have a language to parse");
        }
        const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
        C.currentParseCallback = null;
        C.currentLogCallback = null;
        C.currentProgressCallback = null;
        return result;
      }
      /**
       * Instruct the parser to start the next parse from the beginning.
       *
       * If the parser previously failed because of a callback, 
       * then by default, it will resume where it left off on the
       * next call to {@link Parser#parse} or other parsing functions.
       * If you don't want to resume, and instead intend to use this parser to
       * parse some other document, you must call `reset` first.
       */
      reset() {
        C._ts_parser_reset(this[0]);
      }
      /** Get the ranges of text that the parser will include when parsing. */
      getIncludedRanges() {
        C._ts_parser_included_ranges_wasm(this[0]);
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count);
        if (count > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Set the logging callback that a parser should use during parsing. */
      setLogger(callback) {
        if (!callback) {
          this.logCallback = null;
        } else if (typeof callback !== "function") {
          throw new Error("Logger callback must be a function");
        } else {
          this.logCallback = callback;
        }
        return this;
      }
      /** Get the parser's current logger. */
      getLogger() {
        return this.logCallback;
      }
    };
    var PREDICATE_STEP_TYPE_CAPTURE = 1;
    var PREDICATE_STEP_TYPE_STRING = 2;
    var QUERY_WORD_REGEX = /[\w-]+/g;
    var CaptureQuantifier = {
      Zero: 0,
      ZeroOrOne: 1,
      ZeroOrMore: 2,
      One: 3,
      OneOrMore: 4
    };
    var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
    var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
    var QueryErrorKind = {
      Syntax: 1,
      NodeName: 2,
      FieldName: 3,
      CaptureName: 4,
      PatternStructure: 5
    };
    var QueryError = class _QueryError extends Error {
      constructor(kind, info2, index, length) {
        super(_QueryError.formatMessage(kind, info2));
        this.kind = kind;
        this.info = info2;
        this.index = index;
        this.length = length;
        this.name = "QueryError";
      }
      kind;
      info;
      index;
      length;
      static {
        __name(this, "QueryError");
      }
      /** Formats an error message based on the error kind and info */
      static formatMessage(kind, info2) {
        switch (kind) {
          case QueryErrorKind.NodeName:
            return `Bad node name '${info2.word}'`;
          case QueryErrorKind.FieldName:
            return `Bad field name '${info2.word}'`;
          case QueryErrorKind.CaptureName:
            return `Bad capture name @${info2.word}`;
          case QueryErrorKind.PatternStructure:
            return `Bad pattern structure at offset ${info2.suffix}`;
          case QueryErrorKind.Syntax:
            return `Bad syntax at offset ${info2.suffix}`;
        }
      }
    };
    function parseAnyPredicate(steps, index, operator, textPredicates) {
      if (steps.length !== 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
        );
      }
      if (!isCaptureStep(steps[1])) {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
        );
      }
      const isPositive = operator === "eq?" || operator === "any-eq?";
      const matchAll = !operator.startsWith("any-");
      if (isCaptureStep(steps[2])) {
        const captureName1 = steps[1].name;
        const captureName2 = steps[2].name;
        textPredicates[index].push((captures) => {
          const nodes1 = [];
          const nodes2 = [];
          for (const c of captures) {
            if (c.name === captureName1) nodes1.push(c.node);
            if (c.name === captureName2) nodes2.push(c.node);
          }
          const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
            return positive ? n1.text === n2.text : n1.text !== n2.text;
          }, "compare");
          return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
        });
      } else {
        const captureName = steps[1].name;
        const stringValue = steps[2].value;
        const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
        const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
        textPredicates[index].push((captures) => {
          const nodes = [];
          for (const c of captures) {
            if (c.name === captureName) nodes.push(c.node);
          }
          const test = isPositive ? matches : doesNotMatch;
          return matchAll ? nodes.every(test) : nodes.some(test);
        });
      }
    }
    __name(parseAnyPredicate, "parseAnyPredicate");
    function parseMatchPredicate(steps, index, operator, textPredicates) {
      if (steps.length !== 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
        );
      }
      if (steps[1].type !== "capture") {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
        );
      }
      if (steps[2].type !== "string") {
        throw new Error(
          `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
        );
      }
      const isPositive = operator === "match?" || operator === "any-match?";
      const matchAll = !operator.startsWith("any-");
      const captureName = steps[1].name;
      const regex = new RegExp(steps[2].value);
      textPredicates[index].push((captures) => {
        const nodes = [];
        for (const c of captures) {
          if (c.name === captureName) nodes.push(c.node.text);
        }
        const test = /* @__PURE__ */ __name((text2, positive) => {
          return positive ? regex.test(text2) : !regex.test(text2);
        }, "test");
        if (nodes.length === 0) return !isPositive;
        return matchAll ? nodes.every((text2) => test(text2, isPositive)) : nodes.some((text2) => test(text2, isPositive));
      });
    }
    __name(parseMatchPredicate, "parseMatchPredicate");
    function parseAnyOfPredicate(steps, index, operator, textPredicates) {
      if (steps.length < 2) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
        );
      }
      if (steps[1].type !== "capture") {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
        );
      }
      const isPositive = operator === "any-of?";
      const captureName = steps[1].name;
      const stringSteps = steps.slice(2);
      if (!stringSteps.every(isStringStep)) {
        throw new Error(
          `Arguments to \`#${operator}\` predicate must be strings.".`
        );
      }
      const values = stringSteps.map((s) => s.value);
      textPredicates[index].push((captures) => {
        const nodes = [];
        for (const c of captures) {
          if (c.name === captureName) nodes.push(c.node.text);
        }
        if (nodes.length === 0) return !isPositive;
        return nodes.every((text2) => values.includes(text2)) === isPositive;
      });
    }
    __name(parseAnyOfPredicate, "parseAnyOfPredicate");
    function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
      if (steps.length < 2 || steps.length > 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
        );
      }
      if (!steps.every(isStringStep)) {
        throw new Error(
          `Arguments to \`#${operator}\` predicate must be strings.".`
        );
      }
      const properties = operator === "is?" ? assertedProperties : refutedProperties;
      if (!properties[index]) properties[index] = {};
      properties[index][steps[1].value] = steps[2]?.value ?? null;
    }
    __name(parseIsPredicate, "parseIsPredicate");
    function parseSetDirective(steps, index, setProperties) {
      if (steps.length < 2 || steps.length > 3) {
        throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
      }
      if (!steps.every(isStringStep)) {
        throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
      }
      if (!setProperties[index]) setProperties[index] = {};
      setProperties[index][steps[1].value] = steps[2]?.value ?? null;
    }
    __name(parseSetDirective, "parseSetDirective");
    function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
      if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
        const name2 = captureNames[stepValueId];
        steps.push({ type: "capture", name: name2 });
      } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
        steps.push({ type: "string", value: stringValues[stepValueId] });
      } else if (steps.length > 0) {
        if (steps[0].type !== "string") {
          throw new Error("Predicates must begin with a literal value");
        }
        const operator = steps[0].value;
        switch (operator) {
          case "any-not-eq?":
          case "not-eq?":
          case "any-eq?":
          case "eq?":
            parseAnyPredicate(steps, index, operator, textPredicates);
            break;
          case "any-not-match?":
          case "not-match?":
          case "any-match?":
          case "match?":
            parseMatchPredicate(steps, index, operator, textPredicates);
            break;
          case "not-any-of?":
          case "any-of?":
            parseAnyOfPredicate(steps, index, operator, textPredicates);
            break;
          case "is?":
          case "is-not?":
            parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
            break;
          case "set!":
            parseSetDirective(steps, index, setProperties);
            break;
          default:
            predicates[index].push({ operator, operands: steps.slice(1) });
        }
        steps.length = 0;
      }
    }
    __name(parsePattern, "parsePattern");
    function indexForByteOffset(source, byteOffset) {
      return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
    }
    __name(indexForByteOffset, "indexForByteOffset");
    var finalizer5 = newFinalizer((address) => {
      C._ts_query_delete(address);
    });
    var Query = class {
      static {
        __name(this, "Query");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      exceededMatchLimit;
      /** @internal */
      textPredicates;
      /** @internal */
      source;
      /** The names of the captures used in the query. */
      captureNames;
      /** The quantifiers of the captures used in the query. */
      captureQuantifiers;
      /**
       * The other user-defined predicates associated with the given index.
       *
       * This includes predicates with operators other than:
       * - `match?`
       * - `eq?` and `not-eq?`
       * - `any-of?` and `not-any-of?`
       * - `is?` and `is-not?`
       * - `set!`
       */
      predicates;
      /** The properties for predicates with the operator `set!`. */
      setProperties;
      /** The properties for predicates with the operator `is?`. */
      assertedProperties;
      /** The properties for predicates with the operator `is-not?`. */
      refutedProperties;
      /** The maximum number of in-progress matches for this cursor. */
      matchLimit;
      /**
       * Create a new query from a string containing one or more S-expression
       * patterns.
       *
       * The query is associated with a particular language, and can only be run
       * on syntax nodes parsed with that language. References to Queries can be
       * shared between multiple threads.
       *
       * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
       */
      constructor(language, source) {
        const sourceLength = C.lengthBytesUTF8(source);
        const sourceAddress = C._malloc(sourceLength + 1);
        C.stringToUTF8(source, sourceAddress, sourceLength + 1);
        const address = C._ts_query_new(
          language[0],
          sourceAddress,
          sourceLength,
          TRANSFER_BUFFER,
          TRANSFER_BUFFER + SIZE_OF_INT
        );
        if (!address) {
          const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
          const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
          const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
          const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
          C._free(sourceAddress);
          switch (errorId) {
            case QueryErrorKind.Syntax:
              throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
            case QueryErrorKind.NodeName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.FieldName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.CaptureName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.PatternStructure:
              throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
          }
        }
        const stringCount = C._ts_query_string_count(address);
        const captureCount = C._ts_query_capture_count(address);
        const patternCount = C._ts_query_pattern_count(address);
        const captureNames = new Array(captureCount);
        const captureQuantifiers = new Array(patternCount);
        const stringValues = new Array(stringCount);
        for (let i2 = 0; i2 < captureCount; i2++) {
          const nameAddress = C._ts_query_capture_name_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
        }
        for (let i2 = 0; i2 < patternCount; i2++) {
          const captureQuantifiersArray = new Array(captureCount);
          for (let j = 0; j < captureCount; j++) {
            const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
            captureQuantifiersArray[j] = quantifier;
          }
          captureQuantifiers[i2] = captureQuantifiersArray;
        }
        for (let i2 = 0; i2 < stringCount; i2++) {
          const valueAddress = C._ts_query_string_value_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
        }
        const setProperties = new Array(patternCount);
        const assertedProperties = new Array(patternCount);
        const refutedProperties = new Array(patternCount);
        const predicates = new Array(patternCount);
        const textPredicates = new Array(patternCount);
        for (let i2 = 0; i2 < patternCount; i2++) {
          const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
          const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
          predicates[i2] = [];
          textPredicates[i2] = [];
          const steps = new Array();
          let stepAddress = predicatesAddress;
          for (let j = 0; j < stepCount; j++) {
            const stepType = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            const stepValueId = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            parsePattern(
              i2,
              stepType,
              stepValueId,
              captureNames,
              stringValues,
              steps,
              textPredicates,
              predicates,
              setProperties,
              assertedProperties,
              refutedProperties
            );
          }
          Object.freeze(textPredicates[i2]);
          Object.freeze(predicates[i2]);
          Object.freeze(setProperties[i2]);
          Object.freeze(assertedProperties[i2]);
          Object.freeze(refutedProperties[i2]);
        }
        C._free(sourceAddress);
        this[0] = address;
        this.captureNames = captureNames;
        this.captureQuantifiers = captureQuantifiers;
        this.textPredicates = textPredicates;
        this.source = source;
        this.predicates = predicates;
        this.setProperties = setProperties;
        this.assertedProperties = assertedProperties;
        this.refutedProperties = refutedProperties;
        this.exceededMatchLimit = false;
        finalizer5?.register(this, address, this);
      }
      /** Delete the query, freeing its resources. */
      delete() {
        finalizer5?.unregister(this);
        C._ts_query_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Iterate over all of the matches in the order that they were found.
       *
       * Each match contains the index of the pattern that matched, and a list of
       * captures. Because multiple patterns can match the same set of nodes,
       * one match may contain captures that appear *before* some of the
       * captures from a previous match.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      matches(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
        const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
        const startContainingIndex = options.startContainingIndex ?? 0;
        const endContainingIndex = options.endContainingIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
          throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
        }
        if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
          throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_matches_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          startContainingPosition.row,
          startContainingPosition.column,
          endContainingPosition.row,
          endContainingPosition.column,
          startContainingIndex,
          endContainingIndex,
          matchLimit,
          maxStartDepth
        );
        const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array(rawCount);
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        let filteredCount = 0;
        let address = startAddress;
        for (let i2 = 0; i2 < rawCount; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captures = new Array(captureCount);
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            result[filteredCount] = { patternIndex, captures };
            const setProperties = this.setProperties[patternIndex];
            result[filteredCount].setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            result[filteredCount].assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            result[filteredCount].refutedProperties = refutedProperties;
            filteredCount++;
          }
        }
        result.length = filteredCount;
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /**
       * Iterate over all of the individual captures in the order that they
       * appear.
       *
       * This is useful if you don't care about which pattern matched, and just
       * want a single, ordered sequence of captures.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      captures(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
        const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
        const startContainingIndex = options.startContainingIndex ?? 0;
        const endContainingIndex = options.endContainingIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
          throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
        }
        if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
          throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_captures_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          startContainingPosition.row,
          startContainingPosition.column,
          endContainingPosition.row,
          endContainingPosition.column,
          startContainingIndex,
          endContainingIndex,
          matchLimit,
          maxStartDepth
        );
        const count = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array();
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        const captures = new Array();
        let address = startAddress;
        for (let i2 = 0; i2 < count; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          captures.length = captureCount;
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            const capture = captures[captureIndex];
            const setProperties = this.setProperties[patternIndex];
            capture.setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            capture.assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            capture.refutedProperties = refutedProperties;
            result.push(capture);
          }
        }
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /** Get the predicates for a given pattern. */
      predicatesForPattern(patternIndex) {
        return this.predicates[patternIndex];
      }
      /**
       * Disable a certain capture within a query.
       *
       * This prevents the capture from being returned in matches, and also
       * avoids any resource usage associated with recording the capture.
       */
      disableCapture(captureName) {
        const captureNameLength = C.lengthBytesUTF8(captureName);
        const captureNameAddress = C._malloc(captureNameLength + 1);
        C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
        C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
        C._free(captureNameAddress);
      }
      /**
       * Disable a certain pattern within a query.
       *
       * This prevents the pattern from matching, and also avoids any resource
       * usage associated with the pattern. This throws an error if the pattern
       * index is out of bounds.
       */
      disablePattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        C._ts_query_disable_pattern(this[0], patternIndex);
      }
      /**
       * Check if, on its last execution, this cursor exceeded its maximum number
       * of in-progress matches.
       */
      didExceedMatchLimit() {
        return this.exceededMatchLimit;
      }
      /** Get the index where the given pattern starts in the query's source. */
      startIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
        return indexForByteOffset(this.source, byteOffset);
      }
      /** Get the index where the given pattern ends in the query's source. */
      endIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
        return indexForByteOffset(this.source, byteOffset);
      }
      /** Get the number of patterns in the query. */
      patternCount() {
        return C._ts_query_pattern_count(this[0]);
      }
      /** Get the index for a given capture name. */
      captureIndexForName(captureName) {
        return this.captureNames.indexOf(captureName);
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternRooted(patternIndex) {
        return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternNonLocal(patternIndex) {
        return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
      }
      /**
       * Check if the step at the given index in the query's source is 'definite'.
       *
       * A query step is 'definite' if its parent pattern will be guaranteed to
       * match successfully once it reaches the step.
       */
      isPatternGuaranteedAtStep(index) {
        const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
        return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
      }
    };
    module.exports.default = module.exports;
  }
});

// src/core/version.ts
var TOOL_NAME = "ffi-surface-guard";
var TOOL_VERSION = "0.1.0";

// src/adapters/git.ts
var import_node_child_process = require("node:child_process");
var GitError = class extends Error {
};
function runGit(cwd, args2, input) {
  return new Promise((resolve, reject) => {
    const child = (0, import_node_child_process.spawn)("git", args2, { cwd, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } });
    const out2 = [];
    const err2 = [];
    child.stdout.on("data", (d) => out2.push(d));
    child.stderr.on("data", (d) => err2.push(d));
    child.on("error", (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on("close", (code) => resolve({ stdout: Buffer.concat(out2), stderr: Buffer.concat(err2).toString("utf8"), code: code ?? 1 }));
    child.stdin.end(input ?? "");
  });
}
async function git(cwd, args2) {
  const r = await runGit(cwd, args2);
  if (r.code !== 0) throw new GitError(`git ${args2[0]} failed: ${r.stderr.trim().split("\n")[0] || `exit ${r.code}`}`);
  return r.stdout.toString("utf8");
}
var BlobReader = class {
  child;
  buffer = Buffer.alloc(0);
  waiting = [];
  failed = null;
  constructor(cwd) {
    this.child = (0, import_node_child_process.spawn)("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (d) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
      this.drain();
    });
    const fail = (e) => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    this.child.on("error", (e) => fail(new GitError(`cannot run git cat-file: ${e.message}`)));
    this.child.on("close", () => fail(new GitError("git cat-file ended")));
    this.child.stdin.on("error", () => void 0);
  }
  drain() {
    while (this.waiting.length) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0) return;
      const header = this.buffer.subarray(0, nl).toString("utf8");
      if (header.endsWith(" missing")) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.waiting.shift().resolve(null);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (this.buffer.length < nl + 1 + size + 1) return;
      const body2 = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.waiting.shift().resolve(body2);
    }
  }
  read(oid) {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(oid + "\n");
    });
  }
  close() {
    this.child.removeAllListeners("close");
    this.child.stdin.end();
    this.child.kill();
  }
};

// src/adapters/open-tree.ts
var import_node_fs2 = require("node:fs");

// src/adapters/file-system-tree.ts
var import_node_fs = require("node:fs");
var path = __toESM2(require("node:path"));

// src/core/source-tree.ts
function decodeText(buf) {
  const probe = buf.subarray(0, Math.min(buf.length, 8192));
  if (probe.includes(0)) return { ok: false, reason: "binary", detail: "contains NUL bytes" };
  try {
    const text2 = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return { ok: true, text: text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2, bytes: buf.length };
  } catch {
    const text2 = new TextDecoder("utf-8", { fatal: false }).decode(buf);
    return { ok: false, reason: "invalid-utf8", detail: "is not valid UTF-8", text: text2 };
  }
}

// src/adapters/file-system-tree.ts
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "target", "node_modules"]);
var FileSystemTree = class _FileSystemTree {
  constructor(root) {
    this.root = root;
  }
  root;
  label = "working tree";
  static async open(root) {
    return new _FileSystemTree(await import_node_fs.promises.realpath(root));
  }
  abs(rel) {
    if (rel.startsWith("/") || rel.split("/").includes("..")) return null;
    return path.join(this.root, rel);
  }
  inside(real) {
    return real === this.root || real.startsWith(this.root + path.sep);
  }
  /** The real path of `rel` if it stays inside the root, else null. */
  async contained(rel) {
    const abs = this.abs(rel);
    if (!abs) return null;
    try {
      const real = await import_node_fs.promises.realpath(abs);
      return this.inside(real) ? real : null;
    } catch {
      return null;
    }
  }
  async stat(rel) {
    const abs = this.abs(rel);
    if (!abs) return "missing";
    try {
      const st = await import_node_fs.promises.lstat(abs);
      if (st.isSymbolicLink()) {
        const real = await this.contained(rel);
        if (!real) return "symlink";
        const t = await import_node_fs.promises.stat(real);
        return t.isFile() ? "file" : t.isDirectory() ? "dir" : "missing";
      }
      return st.isFile() ? "file" : st.isDirectory() ? "dir" : "missing";
    } catch {
      return "missing";
    }
  }
  async read(rel, maxBytes) {
    const abs = this.abs(rel);
    if (!abs) return { ok: false, reason: "outside", detail: "is outside the analysed root" };
    let real;
    try {
      const st = await import_node_fs.promises.lstat(abs);
      if (st.isSymbolicLink()) {
        const r = await this.contained(rel);
        if (!r) return { ok: false, reason: "outside", detail: "is a symbolic link that leads outside the repository; not followed" };
        real = r;
      } else real = abs;
    } catch {
      return { ok: false, reason: "missing", detail: "does not exist" };
    }
    let handle2 = null;
    try {
      handle2 = await import_node_fs.promises.open(real, "r");
      const st = await handle2.stat();
      if (!st.isFile()) return { ok: false, reason: "error", detail: "is not a regular file" };
      if (st.size > maxBytes) return { ok: false, reason: "too-large", detail: `is ${st.size} bytes (limit ${maxBytes})` };
      const buf = Buffer.alloc(st.size);
      const { bytesRead } = await handle2.read(buf, 0, st.size, 0);
      return decodeText(buf.subarray(0, bytesRead));
    } catch (e) {
      return { ok: false, reason: "error", detail: `could not be read (${e.code ?? "error"})` };
    } finally {
      await handle2?.close();
    }
  }
  async list(dir) {
    const abs = dir === "" ? this.root : await this.contained(dir);
    if (!abs) return [];
    try {
      const entries = await import_node_fs.promises.readdir(abs, { withFileTypes: true });
      const out2 = [];
      for (const e of entries) {
        const type = e.isSymbolicLink() ? await this.stat(dir ? `${dir}/${e.name}` : e.name) : e.isDirectory() ? "dir" : e.isFile() ? "file" : "missing";
        out2.push({ name: e.name, type });
      }
      return out2.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    } catch {
      return [];
    }
  }
  async listAll(max) {
    const paths = [];
    const stack = [""];
    while (stack.length) {
      const dir = stack.pop();
      let entries;
      try {
        entries = await import_node_fs.promises.readdir(dir ? path.join(this.root, dir) : this.root, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) stack.push(rel);
        } else if (e.isFile()) {
          if (paths.length >= max) return { paths: paths.sort(), truncated: true };
          paths.push(rel);
        }
      }
    }
    return { paths: paths.sort(), truncated: false };
  }
};

// src/adapters/git-revision-tree.ts
var GitRevisionTree = class _GitRevisionTree {
  constructor(label, entries, reader) {
    this.label = label;
    this.entries = entries;
    this.reader = reader;
    this.dirs.set("", /* @__PURE__ */ new Map());
    for (const [p, e] of entries) {
      const parts2 = p.split("/");
      for (let i2 = 0; i2 < parts2.length; i2++) {
        const dir = parts2.slice(0, i2).join("/");
        const m = this.dirs.get(dir) ?? /* @__PURE__ */ new Map();
        this.dirs.set(dir, m);
        m.set(parts2[i2], i2 === parts2.length - 1 ? e.mode === "120000" ? "symlink" : "file" : "dir");
      }
    }
  }
  label;
  entries;
  reader;
  dirs = /* @__PURE__ */ new Map();
  /**
   * Opens `rev` of the repository that contains `dir`; paths are relative to `dir` inside it.
   * Throws GitError with a clear message when the revision is not in the object database.
   */
  static async open(dir, rev) {
    const top = (await git(dir, ["rev-parse", "--show-toplevel"])).trim();
    const prefix = (await git(dir, ["rev-parse", "--show-prefix"])).trim().replace(/\/$/, "");
    const r = await runGit(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
    if (r.code !== 0) {
      const shallow = (await git(dir, ["rev-parse", "--is-shallow-repository"]).catch(() => "false")).trim() === "true";
      throw new GitError(
        `revision ${JSON.stringify(rev)} is not in this repository${shallow ? " (it is a shallow clone: fetch the base, or use actions/checkout with fetch-depth: 0)" : ""}`
      );
    }
    const sha = r.stdout.toString("utf8").trim();
    const args2 = ["ls-tree", "-r", "-l", "-z", "--full-tree", sha];
    if (prefix) args2.push("--", prefix);
    const out2 = await git(top, args2);
    const entries = /* @__PURE__ */ new Map();
    for (const rec of out2.split("\0")) {
      if (!rec) continue;
      const tab = rec.indexOf("	");
      const [mode, type, oid, size] = rec.slice(0, tab).split(/ +/);
      const full = rec.slice(tab + 1);
      if (type !== "blob") continue;
      const rel = prefix ? full.slice(prefix.length + 1) : full;
      entries.set(rel, { mode, oid, size: Number(size) });
    }
    return new _GitRevisionTree(sha, entries, new BlobReader(top));
  }
  close() {
    this.reader.close();
  }
  async stat(path3) {
    const e = this.entries.get(path3);
    if (e) {
      if (e.mode !== "120000") return "file";
      const target = await this.linkTarget(path3, 0);
      return target ? "file" : "symlink";
    }
    return this.dirs.has(path3) ? "dir" : "missing";
  }
  /** Resolves a symlink blob to a regular file inside the root, or null. */
  async linkTarget(path3, depth) {
    const e = this.entries.get(path3);
    if (!e) return null;
    if (e.mode !== "120000") return path3;
    if (depth > 8) return null;
    const buf = await this.reader.read(e.oid);
    if (!buf) return null;
    const target = buf.toString("utf8");
    if (target.startsWith("/")) return null;
    const parts2 = path3.split("/").slice(0, -1);
    for (const seg of target.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") {
        if (!parts2.length) return null;
        parts2.pop();
      } else parts2.push(seg);
    }
    return this.linkTarget(parts2.join("/"), depth + 1);
  }
  async read(path3, maxBytes) {
    let e = this.entries.get(path3);
    if (!e) return { ok: false, reason: "missing", detail: "does not exist" };
    if (e.mode === "120000") {
      const target = await this.linkTarget(path3, 0);
      if (!target) return { ok: false, reason: "outside", detail: "is a symbolic link that leads outside the repository; not followed" };
      e = this.entries.get(target);
    }
    if (e.mode === "160000") return { ok: false, reason: "error", detail: "is a submodule" };
    if (e.size > maxBytes) return { ok: false, reason: "too-large", detail: `is ${e.size} bytes (limit ${maxBytes})` };
    const buf = await this.reader.read(e.oid);
    if (!buf) return { ok: false, reason: "missing", detail: "is missing from the object database" };
    return decodeText(buf);
  }
  async list(dir) {
    const m = this.dirs.get(dir);
    if (!m) return [];
    return [...m.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([name2, type]) => ({ name: name2, type }));
  }
  async listAll(max) {
    const all = [...this.entries.keys()].filter((p) => !/(^|\/)(target|node_modules)\//.test(p)).sort();
    return { paths: all.slice(0, max), truncated: all.length > max };
  }
  /** Paths whose blob differs between two trees (added, removed or changed). */
  changedPaths(other) {
    const out2 = /* @__PURE__ */ new Set();
    for (const [p, e] of this.entries) if (other.entries.get(p)?.oid !== e.oid) out2.add(p);
    for (const p of other.entries.keys()) if (!this.entries.has(p)) out2.add(p);
    return out2;
  }
};

// src/adapters/open-tree.ts
var InputError = class extends Error {
};
async function openTree(root, rev) {
  try {
    const st = await import_node_fs2.promises.stat(root);
    if (!st.isDirectory()) throw new InputError(`--root ${root} is not a directory`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--root ${root} does not exist`);
  }
  if (rev === void 0) return FileSystemTree.open(root);
  return GitRevisionTree.open(root, rev);
}

// src/cli/arguments.ts
var UsageError = class extends Error {
};
var VALUE_FLAGS = /* @__PURE__ */ new Set(["--root", "--rev", "--base", "--head", "--features", "--format", "--fail-on", "--config", "--output"]);
var BOOL_FLAGS = /* @__PURE__ */ new Set(["--all-features", "--no-default-features", "--findings", "--help", "--version"]);
function parseArgs(argv) {
  const [command, ...rest] = argv;
  const flags2 = /* @__PURE__ */ new Map();
  for (let i2 = 0; i2 < rest.length; i2++) {
    let a = rest[i2];
    let value;
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (VALUE_FLAGS.has(a)) {
      if (value === void 0) {
        value = rest[++i2];
        if (value === void 0) throw new UsageError(`${a} needs a value`);
      }
      flags2.set(a, value);
    } else if (BOOL_FLAGS.has(a) && value === void 0) {
      flags2.set(a, true);
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(rest[i2])} for ${command ?? "ffi-surface-guard"}`);
    }
  }
  return { command: command ?? "", flags: flags2 };
}
function stringFlag(args2, name2) {
  const v = args2.flags.get(name2);
  return typeof v === "string" ? v : void 0;
}
function featureSelection(args2) {
  const list = (stringFlag(args2, "--features") ?? "").split(/[ ,]+/).map((s) => s.trim()).filter(Boolean);
  const all = args2.flags.has("--all-features");
  const none = args2.flags.has("--no-default-features");
  if (all && none) throw new UsageError("--all-features and --no-default-features cannot be used together");
  if (all) return { mode: "all" };
  return none ? { mode: "none", features: list } : { mode: "default", features: list };
}
function formatFlag(args2, allowed, fallback) {
  const f = stringFlag(args2, "--format") ?? fallback;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(", ")} (got ${JSON.stringify(f)})`);
  return f;
}

// src/adapters/tree-sitter-parser.ts
var fs4 = __toESM2(require("node:fs"));
var path2 = __toESM2(require("node:path"));
var import_web_tree_sitter2 = __toESM2(require_web_tree_sitter2());
function locate(file, packageName) {
  const candidates = [path2.join(__dirname, file), path2.join(__dirname, "wasm", file)];
  for (const c of candidates) if (fs4.existsSync(c)) return c;
  return require.resolve(`${packageName}/${file}`);
}
var loaded = null;
function loadRustParser() {
  if (!loaded) {
    loaded = (async () => {
      const runtime = locate("web-tree-sitter.wasm", "web-tree-sitter");
      await import_web_tree_sitter2.Parser.init({ locateFile: () => runtime });
      const language = await import_web_tree_sitter2.Language.load(fs4.readFileSync(locate("tree-sitter-rust.wasm", "tree-sitter-rust")));
      const parser = new import_web_tree_sitter2.Parser();
      parser.setLanguage(language);
      return {
        parse: (text2) => {
          const tree = parser.parse(text2);
          if (!tree) throw new Error("tree-sitter returned no tree");
          return tree;
        }
      };
    })();
  }
  return loaded;
}

// src/core/limits.ts
var DEFAULT_LIMITS = {
  maxFileBytes: 4 * 1024 * 1024,
  maxFilesPerCrate: 2e4,
  maxCrates: 1e3,
  maxModuleDepth: 64,
  maxMacroDepth: 8,
  maxExpansions: 1e4,
  maxListedFiles: 2e5
};

// src/core/model.ts
var SCHEMA_VERSION = 1;
function itemKey(item) {
  switch (item.kind) {
    case "function":
    case "static":
      return `symbol:${item.symbol}`;
    case "import":
      return `import:${item.symbol}`;
    case "struct":
    case "union":
    case "enum":
    case "type":
      return `type:${item.name}`;
    case "const":
      return `const:${item.name}`;
  }
}

// src/core/digest.ts
var import_node_crypto = require("node:crypto");
function canonicalItem(item) {
  switch (item.kind) {
    case "function":
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        abi: item.abi,
        unsafe: item.unsafe,
        params: item.params,
        variadic: item.variadic,
        returns: item.returns
      };
    case "static":
      return { kind: item.kind, symbol: item.symbol, name: item.name, cfg: item.cfg, type: item.type, mutable: item.mutable };
    case "struct":
    case "union":
      return { kind: item.kind, name: item.name, cfg: item.cfg, repr: item.repr, fields: item.fields, tuple: item.tuple };
    case "enum":
      return {
        kind: item.kind,
        name: item.name,
        cfg: item.cfg,
        repr: item.repr,
        nonExhaustive: item.nonExhaustive,
        variants: item.variants.map((v) => ({ name: v.name, value: v.value ?? v.discriminant, fields: v.fields ?? null }))
      };
    case "type":
      return { kind: item.kind, name: item.name, cfg: item.cfg, target: item.target };
    case "const":
      return { kind: item.kind, name: item.name, cfg: item.cfg, type: item.type, value: item.value };
    case "import":
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        abi: item.abi,
        what: item.what,
        params: item.params ?? null,
        returns: item.returns ?? null,
        variadic: item.variadic ?? false,
        type: item.type ?? null,
        mutable: item.mutable ?? false
      };
  }
}
function stableStringify(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = v;
  return `{${Object.keys(o).filter((k) => o[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(",")}}`;
}
function sha256(text2) {
  return "sha256:" + (0, import_node_crypto.createHash)("sha256").update(text2).digest("hex");
}
function sortKey(item) {
  return `${itemKey(item)}\0${item.cfg ?? ""}`;
}
function sortItems(items) {
  return [...items].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
function surfaceDigest(crates) {
  const canon = [...crates].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map((c) => ({ crate: c.name, items: sortItems(c.items).map(canonicalItem) }));
  return sha256(stableStringify(canon));
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i2 = line - 1; i2 <= line + 1; i2++) {
    let l = lines[i2 - 1];
    if (!l)
      continue;
    codeblock += i2.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i2 === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start2 = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start2, ctx.p);
  return readDate(ctx, t, 4, false, start2);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i2 = 0; i2 < key.length; i2++) {
      if (i2)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i2];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i2 = 0; i2 < key.length; i2++) {
    if (i2) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i2];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i2 < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/core/rust/lexer.ts
var PUNCT3 = ["<<=", ">>=", "...", "..="];
var PUNCT2 = ["::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", ".."];
function isIdentStart(c) {
  return /[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127;
}
function isIdentChar(c) {
  return /[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) > 127;
}
function lex(text2, maxTokens = 1e6) {
  const out2 = [];
  const n = text2.length;
  let i2 = 0;
  while (i2 < n && out2.length < maxTokens) {
    const c = text2[i2];
    if (c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f" || c === "\v") {
      i2++;
      continue;
    }
    if (c === "/" && text2[i2 + 1] === "/") {
      while (i2 < n && text2[i2] !== "\n") i2++;
      continue;
    }
    if (c === "/" && text2[i2 + 1] === "*") {
      let depth = 1;
      i2 += 2;
      while (i2 < n && depth > 0) {
        if (text2[i2] === "/" && text2[i2 + 1] === "*") {
          depth++;
          i2 += 2;
        } else if (text2[i2] === "*" && text2[i2 + 1] === "/") {
          depth--;
          i2 += 2;
        } else i2++;
      }
      continue;
    }
    const start2 = i2;
    const raw = /^(?:b|c)?r(#*)"/.exec(text2.slice(i2, i2 + 260));
    if (raw) {
      const hashes = raw[1];
      i2 += raw[0].length;
      const close = '"' + hashes;
      const j = text2.indexOf(close, i2);
      i2 = j < 0 ? n : j + close.length;
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === '"' || (c === "b" || c === "c") && text2[i2 + 1] === '"') {
      i2 += c === '"' ? 1 : 2;
      while (i2 < n && text2[i2] !== '"') i2 += text2[i2] === "\\" ? 2 : 1;
      i2 = Math.min(n, i2 + 1);
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === "'" || c === "b" && text2[i2 + 1] === "'") {
      const j = c === "b" ? i2 + 2 : i2 + 1;
      if (c === "'" && isIdentStart(text2[j] ?? "") && text2[j + 1] !== "'") {
        let k2 = j + 1;
        while (k2 < n && isIdentChar(text2[k2])) k2++;
        if (text2[k2] !== "'") {
          out2.push({ kind: "lifetime", text: text2.slice(start2, k2), start: start2, end: k2 });
          i2 = k2;
          continue;
        }
      }
      let k = j;
      while (k < n && text2[k] !== "'" && text2[k] !== "\n") k += text2[k] === "\\" ? 2 : 1;
      i2 = Math.min(n, k + 1);
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (/[0-9]/.test(c)) {
      let k = i2 + 1;
      while (k < n && /[0-9A-Za-z_.]/.test(text2[k])) {
        if (text2[k] === "." && (text2[k + 1] === "." || !/[0-9]/.test(text2[k + 1] ?? ""))) break;
        k++;
      }
      i2 = k;
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === "r" && text2[i2 + 1] === "#" && isIdentStart(text2[i2 + 2] ?? "")) {
      let k = i2 + 2;
      while (k < n && isIdentChar(text2[k])) k++;
      i2 = k;
      out2.push({ kind: "ident", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (isIdentStart(c)) {
      let k = i2 + 1;
      while (k < n && isIdentChar(text2[k])) k++;
      i2 = k;
      out2.push({ kind: "ident", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      out2.push({ kind: "open", text: c, start: start2, end: i2 + 1 });
      i2++;
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      out2.push({ kind: "close", text: c, start: start2, end: i2 + 1 });
      i2++;
      continue;
    }
    const three = text2.slice(i2, i2 + 3);
    const two = text2.slice(i2, i2 + 2);
    const p = PUNCT3.includes(three) ? three : PUNCT2.includes(two) ? two : c;
    out2.push({ kind: "punct", text: p, start: start2, end: i2 + p.length });
    i2 += p.length;
  }
  return out2;
}
var CLOSER = { "(": ")", "[": "]", "{": "}" };
function skipTree(tokens, i2) {
  if (tokens[i2]?.kind !== "open") return i2 + 1;
  let depth = 0;
  for (let k = i2; k < tokens.length; k++) {
    if (tokens[k].kind === "open") depth++;
    else if (tokens[k].kind === "close") {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return tokens.length;
}

// src/core/rust/cfg.ts
function parseCfg(text2) {
  const tokens = lex(text2, 1e4);
  const state = { i: 0 };
  const pred = parsePred(tokens, state, 0);
  if (!pred || state.i !== tokens.length) return null;
  return pred;
}
function unquote(lit) {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(lit);
  return m ? m[1].replace(/\\(.)/g, "$1") : lit;
}
function parsePred(t, s, depth) {
  if (depth > 64) return null;
  const tok = t[s.i];
  if (!tok || tok.kind !== "ident") return null;
  s.i++;
  const name2 = tok.text;
  if ((name2 === "all" || name2 === "any" || name2 === "not") && t[s.i]?.text === "(") {
    s.i++;
    const args2 = [];
    while (t[s.i] && t[s.i].text !== ")") {
      const a = parsePred(t, s, depth + 1);
      if (!a) return null;
      args2.push(a);
      if (t[s.i]?.text === ",") s.i++;
      else break;
    }
    if (t[s.i]?.text !== ")") return null;
    s.i++;
    if (name2 === "not") return args2.length === 1 ? { op: "not", arg: args2[0] } : null;
    return { op: name2, args: args2 };
  }
  if (t[s.i]?.text === "=") {
    s.i++;
    const v = t[s.i];
    if (!v || v.kind !== "literal") return null;
    s.i++;
    return { op: "kv", key: name2, value: unquote(v.text) };
  }
  return { op: "name", name: name2 };
}
function renderCfg(p) {
  switch (p.op) {
    case "all":
    case "any":
      return `${p.op}(${p.args.map(renderCfg).join(", ")})`;
    case "not":
      return `not(${renderCfg(p.arg)})`;
    case "name":
      return p.name;
    case "kv":
      return `${p.key} = ${JSON.stringify(p.value)}`;
  }
}
function evalCfg(p, env) {
  switch (p.op) {
    case "all": {
      let unknown = false;
      for (const a of p.args) {
        const v = evalCfg(a, env);
        if (v === false) return false;
        if (v === null) unknown = true;
      }
      return unknown ? null : true;
    }
    case "any": {
      let unknown = false;
      for (const a of p.args) {
        const v = evalCfg(a, env);
        if (v === true) return true;
        if (v === null) unknown = true;
      }
      return unknown ? null : false;
    }
    case "not": {
      const v = evalCfg(p.arg, env);
      return v === null ? null : !v;
    }
    case "name": {
      if (p.name === "test" || p.name === "doc" || p.name === "doctest" || p.name === "miri") return false;
      if (p.name === "debug_assertions") return true;
      const known = env.platform?.[p.name];
      return known === void 0 ? null : known;
    }
    case "kv": {
      if (p.key === "feature") return env.features.has(p.value);
      const known = env.platform?.[`${p.key}=${p.value}`];
      if (known !== void 0) return known;
      if (env.platform && Object.keys(env.platform).some((k) => k.startsWith(`${p.key}=`) && env.platform?.[k]))
        return false;
      return null;
    }
  }
}
function conjoin(preds) {
  const flat = [];
  for (const p of preds) {
    if (p.op === "all") flat.push(...p.args);
    else flat.push(p);
  }
  const seen = /* @__PURE__ */ new Set();
  const uniq = flat.filter((p) => {
    const k = renderCfg(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (uniq.length === 0) return null;
  return uniq.length === 1 ? uniq[0] : { op: "all", args: uniq };
}

// src/core/rust/attributes.ts
function unescapeRustString(lit) {
  const raw = /^(?:b|c)?r(#*)"([\s\S]*)"\1$/.exec(lit);
  if (raw) return raw[2];
  const m = /^(?:b|c)?"([\s\S]*)"$/.exec(lit);
  if (!m) return lit;
  const body2 = m[1];
  let out2 = "";
  for (let i2 = 0; i2 < body2.length; i2++) {
    const c = body2[i2];
    if (c !== "\\") {
      out2 += c;
      continue;
    }
    const e = body2[++i2];
    switch (e) {
      case "n":
        out2 += "\n";
        break;
      case "r":
        out2 += "\r";
        break;
      case "t":
        out2 += "	";
        break;
      case "0":
        out2 += "\0";
        break;
      case "\\":
      case '"':
      case "'":
        out2 += e;
        break;
      case "x": {
        out2 += String.fromCharCode(parseInt(body2.slice(i2 + 1, i2 + 3), 16) || 0);
        i2 += 2;
        break;
      }
      case "u": {
        const close = body2.indexOf("}", i2);
        const cp = parseInt(body2.slice(i2 + 2, close), 16);
        out2 += Number.isFinite(cp) && cp <= 1114111 ? String.fromCodePoint(cp) : "\uFFFD";
        i2 = close < 0 ? body2.length : close;
        break;
      }
      case "\n": {
        while (i2 + 1 < body2.length && /\s/.test(body2[i2 + 1])) i2++;
        break;
      }
      default:
        out2 += e ?? "";
    }
  }
  return out2;
}
function text(tokens, src, from, to) {
  if (from >= to) return "";
  return src.slice(tokens[from].start, tokens[to - 1].end);
}
function splitTopLevel(tokens, from, to) {
  const parts2 = [];
  let start2 = from;
  let i2 = from;
  while (i2 < to) {
    if (tokens[i2].kind === "open") {
      i2 = skipTree(tokens, i2);
      continue;
    }
    if (tokens[i2].kind === "punct" && tokens[i2].text === ",") {
      if (i2 > start2) parts2.push([start2, i2]);
      start2 = i2 + 1;
    }
    i2++;
  }
  if (to > start2) parts2.push([start2, to]);
  return parts2;
}
function parseMeta(tokens, src, from, to) {
  let i2 = from;
  let name2 = "";
  while (i2 < to && (tokens[i2].kind === "ident" || tokens[i2].text === "::")) {
    name2 += tokens[i2].text;
    i2++;
  }
  if (!name2) return null;
  if (i2 < to && tokens[i2].text === "(") {
    const end = skipTree(tokens, i2);
    return { name: name2, args: text(tokens, src, i2 + 1, end - 1), value: null };
  }
  if (i2 < to && tokens[i2].text === "=") {
    const lit = tokens[i2 + 1];
    return { name: name2, args: null, value: lit ? lit.kind === "literal" ? unescapeRustString(lit.text) : lit.text : "" };
  }
  return { name: name2, args: null, value: null };
}
function readAttribute(inner, env, depth = 0) {
  if (depth > 16) return [];
  const tokens = lex(inner, 1e5);
  const meta = parseMeta(tokens, inner, 0, tokens.length);
  if (!meta) return [];
  if (meta.name === "unsafe" && meta.args !== null) return readAttribute(meta.args, env, depth + 1);
  if (meta.name === "cfg_attr" && meta.args !== null) {
    const argTokens = lex(meta.args, 1e5);
    const parts2 = splitTopLevel(argTokens, 0, argTokens.length);
    if (parts2.length < 2) return [];
    const pred = parseCfg(text(argTokens, meta.args, parts2[0][0], parts2[0][1]));
    if (!pred) return [];
    const v = evalCfg(pred, env);
    if (v === false) return [];
    const out2 = [];
    for (const [a, b] of parts2.slice(1)) {
      for (const attr of readAttribute(text(argTokens, meta.args, a, b), env, depth + 1)) {
        out2.push(v === null ? { ...attr, conditions: [pred, ...attr.conditions] } : attr);
      }
    }
    return out2;
  }
  return [{ ...meta, conditions: [] }];
}
function readRepr(args2) {
  const tokens = lex(args2, 1e4);
  return splitTopLevel(tokens, 0, tokens.length).map(([a, b]) => text(tokens, args2, a, b).replace(/\s+/g, "")).map((r) => r === "packed(1)" ? "packed" : r);
}
function hasSafetySection(doc) {
  return /^\s*#+\s*Safety\b/im.test(doc);
}

// src/core/rust/types.ts
function children(node) {
  return node.namedChildren.filter((c) => c.type !== "line_comment" && c.type !== "block_comment");
}
function collapse(text2) {
  return text2.replace(/\s+/g, " ").replace(/\s*([<>(),;:&*\[\]])\s*/g, "$1").replace(/,/g, ", ").replace(/->/g, " -> ").replace(/\s+/g, " ").trim();
}
function normaliseType(node, ctx = {}) {
  if (!node) return "()";
  switch (node.type) {
    case "primitive_type":
      return node.text;
    case "type_identifier":
      return node.text === "Self" && ctx.selfType ? ctx.selfType : node.text;
    case "scoped_type_identifier": {
      const name2 = node.childForFieldName("name");
      return name2 ? normaliseType(name2, ctx) : collapse(node.text);
    }
    case "generic_type": {
      const base = normaliseType(node.childForFieldName("type"), ctx);
      const args2 = node.childForFieldName("type_arguments");
      const rendered = args2 ? children(args2).map((a) => normaliseTypeArg(a, ctx)) : [];
      return `${base}<${rendered.join(", ")}>`;
    }
    case "reference_type": {
      const mut = node.children.some((c) => c.type === "mutable_specifier");
      return `&${mut ? "mut " : ""}${normaliseType(node.childForFieldName("type"), ctx)}`;
    }
    case "pointer_type": {
      const mut = node.children.some((c) => c.type === "mutable_specifier");
      return `*${mut ? "mut" : "const"} ${normaliseType(node.childForFieldName("type"), ctx)}`;
    }
    case "array_type": {
      const el = normaliseType(node.childForFieldName("element"), ctx);
      const len = node.childForFieldName("length");
      return len ? `[${el}; ${collapse(len.text)}]` : `[${el}]`;
    }
    case "tuple_type": {
      const parts2 = children(node).map((c) => normaliseType(c, ctx));
      return parts2.length === 1 ? `(${parts2[0]},)` : `(${parts2.join(", ")})`;
    }
    case "unit_type":
      return "()";
    case "never_type":
      return "!";
    case "function_type":
      return normaliseFnType(node, ctx);
    case "dynamic_type":
    case "abstract_type": {
      const inner = children(node).map((c) => collapse(c.text));
      return `${node.type === "dynamic_type" ? "dyn" : "impl"} ${inner.join(" + ")}`;
    }
    default:
      return collapse(node.text);
  }
}
function normaliseTypeArg(node, ctx) {
  if (node.type === "lifetime") return node.text;
  return normaliseType(node, ctx);
}
function normaliseFnType(node, ctx) {
  let prefix = "";
  for (const c of node.children) {
    if (c.type === "function_modifiers") {
      const mods = [];
      for (const m of c.children) {
        if (m.type === "extern_modifier") mods.push(`extern "${abiOf(m)}"`);
        else mods.push(m.text);
      }
      prefix = mods.join(" ") + " ";
    }
  }
  const params = node.childForFieldName("parameters");
  const ps = [];
  if (params) {
    for (const p of children(params)) {
      if (p.type === "parameter") ps.push(normaliseType(p.childForFieldName("type"), ctx));
      else if (p.type === "variadic_parameter") ps.push("...");
      else if (p.type !== "attribute_item") ps.push(normaliseType(p, ctx));
    }
  }
  const ret = node.childForFieldName("return_type");
  const r = ret ? normaliseType(ret, ctx) : "()";
  return `${prefix}fn(${ps.join(", ")})${r === "()" ? "" : ` -> ${r}`}`;
}
function abiOf(externModifier) {
  const lit = externModifier.namedChildren.find((c) => c.type === "string_literal");
  if (!lit) return "C";
  return lit.text.replace(/^"|"$/g, "");
}
function isRawPointer(type) {
  return type.startsWith("*const ") || type.startsWith("*mut ");
}

// src/core/extract/discriminant.ts
function literalValue(text2) {
  const byte = /^b?'(.+)'$/.exec(text2);
  if (byte) {
    const body2 = byte[1];
    if (body2.length === 1) return BigInt(body2.codePointAt(0) ?? 0);
    const esc = { "\\n": 10, "\\r": 13, "\\t": 9, "\\0": 0, "\\'": 39, "\\\\": 92 };
    if (body2 in esc) return BigInt(esc[body2]);
    const hex = /^\\x([0-9a-fA-F]{2})$/.exec(body2);
    if (hex) return BigInt(parseInt(hex[1], 16));
    if ([...body2].length === 1) return BigInt(body2.codePointAt(0) ?? 0);
    return null;
  }
  const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)(?:[iu](?:8|16|32|64|128|size))?$/.exec(text2);
  if (!m) return null;
  const digits = m[1].replace(/_/g, "");
  try {
    return BigInt(digits);
  } catch {
    return null;
  }
}
var PREC = { "|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6 };
function evalDiscriminant(expr) {
  const tokens = lex(expr, 1e3);
  const s = { i: 0 };
  const v = parseBinary(tokens, s, 0, 0);
  return v !== null && s.i === tokens.length ? v : null;
}
function parseUnary(t, s, depth) {
  if (depth > 50) return null;
  const tok = t[s.i];
  if (!tok) return null;
  if (tok.text === "-") {
    s.i++;
    const v = parseUnary(t, s, depth + 1);
    return v === null ? null : -v;
  }
  if (tok.text === "!") {
    s.i++;
    const v = parseUnary(t, s, depth + 1);
    return v === null ? null : ~v;
  }
  if (tok.text === "(") {
    s.i++;
    const v = parseBinary(t, s, 0, depth + 1);
    if (t[s.i]?.text !== ")") return null;
    s.i++;
    return v;
  }
  if (tok.kind === "literal") {
    s.i++;
    return literalValue(tok.text);
  }
  return null;
}
function parseBinary(t, s, minPrec, depth) {
  let left = parseUnary(t, s, depth);
  if (left === null) return null;
  for (; ; ) {
    const op = t[s.i];
    const prec = op && op.kind === "punct" ? PREC[op.text] : void 0;
    if (prec === void 0 || prec <= minPrec - 1 || prec < minPrec) return left;
    s.i++;
    const right = parseBinary(t, s, prec + 1, depth + 1);
    if (right === null) return null;
    switch (op.text) {
      case "|":
        left = left | right;
        break;
      case "^":
        left = left ^ right;
        break;
      case "&":
        left = left & right;
        break;
      case "<<":
        left = right > 4096n ? null : left << right;
        break;
      case ">>":
        left = left >> right;
        break;
      case "+":
        left = left + right;
        break;
      case "-":
        left = left - right;
        break;
      case "*":
        left = left * right;
        break;
      case "/":
        left = right === 0n ? null : left / right;
        break;
      case "%":
        left = right === 0n ? null : left % right;
        break;
    }
    if (left === null) return null;
  }
}

// src/core/extract/scan-file.ts
function emptyScan() {
  return { items: [], candidates: [], declaredTypes: [], mods: [], macros: [], invocations: [], diagnostics: [], testText: [] };
}
var ITEM_TYPES = /* @__PURE__ */ new Set([
  "function_item",
  "static_item",
  "struct_item",
  "union_item",
  "enum_item",
  "type_item",
  "const_item",
  "impl_item",
  "mod_item",
  "foreign_mod_item",
  "macro_definition",
  "macro_invocation",
  "trait_item",
  "use_declaration",
  "extern_crate_declaration",
  "function_signature_item"
]);
var HARMLESS_ITEM_MACROS = /* @__PURE__ */ new Set([
  "thread_local",
  "compile_error",
  "include",
  "debug_assert",
  "assert",
  "const_assert",
  "static_assertions",
  "println",
  "eprintln"
]);
function newPending() {
  return { attrs: [], cfgs: [], disabled: false, docs: [], isTest: false };
}
var FileScanner = class {
  constructor(env, source) {
    this.env = env;
    this.source = source;
  }
  env;
  source;
  out = emptyScan();
  line(node, ctx) {
    return ctx.lineBase + node.startPosition.row;
  }
  diag(level, code, message, ctx, node) {
    this.out.diagnostics.push({ level, code, message, file: ctx.file, line: node ? this.line(node, ctx) : void 0 });
  }
  /** Scans the children of a `source_file` or `declaration_list`, or a block's statements. */
  scanContainer(container, ctx, inBody = false) {
    let pending = newPending();
    for (const child of container.namedChildren) {
      const t = child.type;
      if (t === "attribute_item") {
        this.readAttr(child, pending, ctx);
        continue;
      }
      if (t === "inner_attribute_item") continue;
      if (t === "line_comment" || t === "block_comment") {
        const txt = child.text;
        if (/^\/\/\/(?!\/)/.test(txt) || /^\/\*\*(?!\*)/.test(txt)) pending.docs.push(txt);
        continue;
      }
      if (t === "ERROR") {
        this.diag("warning", "syntax-error", "the parser could not read part of this file; items in it may be missing", ctx, child);
        this.scanContainer(child, ctx, inBody);
        pending = newPending();
        continue;
      }
      if (ITEM_TYPES.has(t)) {
        if (!pending.disabled) this.scanItem(child, pending, ctx);
        else if (pending.isTest) this.out.testText.push(child.text);
        pending = newPending();
        continue;
      }
      if (!inBody && t === "expression_statement" && child.namedChildren[0]?.type === "macro_invocation") {
        if (!pending.disabled) this.scanItem(child.namedChildren[0], pending, ctx);
        pending = newPending();
        continue;
      }
      if (inBody || t === "expression_statement" || t === "let_declaration") {
        this.scanNested(child, ctx);
      }
      pending = newPending();
    }
  }
  /** Looks for items (nested fns, statics, impls) inside expressions of a function body. */
  scanNested(node, ctx) {
    if (node.type === "block" || node.type === "declaration_list") {
      this.scanContainer(node, ctx, true);
      return;
    }
    if (ITEM_TYPES.has(node.type) && node.type !== "macro_invocation") {
      this.scanItem(node, newPending(), ctx);
      return;
    }
    for (const c of node.namedChildren) this.scanNested(c, ctx);
  }
  readAttr(node, pending, ctx) {
    const attr = node.namedChildren.find((c) => c.type === "attribute");
    if (!attr) return;
    for (const a of readAttribute(attr.text, this.env)) {
      if (a.name === "cfg" && a.args !== null) {
        const pred = parseCfg(a.args);
        if (!pred) {
          this.diag("warning", "bad-cfg", `cannot read cfg(${a.args.slice(0, 80)})`, ctx, node);
          continue;
        }
        const v = evalCfg(pred, this.env);
        if (v === false) {
          pending.disabled = true;
          if (/\btest\b/.test(a.args)) pending.isTest = true;
        } else pending.cfgs.push(pred);
        for (const c of a.conditions) pending.cfgs.push(c);
      } else if (a.name === "doc" && a.value !== null) {
        pending.docs.push(a.value);
        pending.attrs.push(a);
      } else {
        pending.attrs.push(a);
      }
    }
  }
  effectiveCfg(ctx, pending, attr) {
    const preds = [...ctx.cfgs, ...pending.cfgs, ...attr ? attr.conditions : []];
    const c = conjoin(preds);
    return c ? renderCfg(c) : null;
  }
  scanItem(node, pending, ctx) {
    switch (node.type) {
      case "function_item":
        return this.scanFunction(node, pending, ctx);
      case "static_item":
        return this.scanStatic(node, pending, ctx);
      case "struct_item":
      case "union_item":
        return this.scanStruct(node, pending, ctx);
      case "enum_item":
        return this.scanEnum(node, pending, ctx);
      case "type_item":
        return this.scanTypeAlias(node, pending, ctx);
      case "const_item":
        return this.scanConst(node, pending, ctx);
      case "impl_item": {
        const body2 = node.childForFieldName("body");
        const ty = node.childForFieldName("type");
        if (body2)
          this.scanContainer(body2, {
            ...ctx,
            cfgs: [...ctx.cfgs, ...pending.cfgs],
            selfType: ty ? normaliseType(ty, ctx) : ctx.selfType
          });
        return;
      }
      case "trait_item": {
        const body2 = node.childForFieldName("body");
        if (body2) this.scanContainer(body2, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] });
        return;
      }
      case "mod_item":
        return this.scanMod(node, pending, ctx);
      case "foreign_mod_item":
        return this.scanForeign(node, pending, ctx);
      case "macro_definition":
        return this.scanMacroDef(node, ctx);
      case "macro_invocation":
        return this.scanInvocation(node, pending, ctx);
      default:
        return;
    }
  }
  exportAttr(pending) {
    for (const a of pending.attrs) {
      if (a.name === "no_mangle") return { symbolFrom: "no_mangle", value: null, attr: a };
      if (a.name === "export_name" && a.value !== null) return { symbolFrom: "export_name", value: a.value, attr: a };
    }
    return null;
  }
  visibility(node) {
    const v = node.namedChildren.find((c) => c.type === "visibility_modifier");
    return v ? v.text.replace(/\s+/g, "") : "private";
  }
  docOf(pending) {
    const text2 = pending.docs.map((d) => d.replace(/^\/\/\/|^\/\*\*|\*\/$/g, "")).join("\n");
    return { present: pending.docs.length > 0, safety: hasSafetySection(text2) };
  }
  tctx(ctx) {
    return { selfType: ctx.selfType };
  }
  readParams(node, ctx) {
    const params = [];
    let variadic = false;
    const list = node.childForFieldName("parameters");
    if (!list) return { params, variadic };
    let index = 0;
    for (const p of list.namedChildren) {
      if (p.type === "parameter") {
        const pat = p.childForFieldName("pattern");
        const name2 = pat ? pat.text.replace(/^mut\s+/, "").replace(/\s+/g, "") : `arg${index}`;
        params.push({ name: name2, type: normaliseType(p.childForFieldName("type"), this.tctx(ctx)) });
        index++;
      } else if (p.type === "self_parameter") {
        const txt = p.text.replace(/\s+/g, " ");
        const self2 = ctx.selfType ?? "Self";
        const type = txt.includes("&mut") ? `&mut ${self2}` : txt.includes("&") ? `&${self2}` : self2;
        params.push({ name: "self", type });
        index++;
      } else if (p.type === "variadic_parameter") {
        variadic = true;
      }
    }
    return { params, variadic };
  }
  fnModifiers(node) {
    let abi = "Rust";
    let unsafe = false;
    const mods = node.namedChildren.find((c) => c.type === "function_modifiers");
    if (mods) {
      for (const m of mods.children) {
        if (m.type === "extern_modifier") abi = abiOf(m);
        else if (m.text === "unsafe") unsafe = true;
      }
    }
    return { abi, unsafe };
  }
  scanFunction(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    const body2 = node.childForFieldName("body");
    const exp = this.exportAttr(pending);
    if (nameNode && exp) {
      const name2 = nameNode.text;
      const { abi, unsafe } = this.fnModifiers(node);
      const { params, variadic } = this.readParams(node, ctx);
      const ret = node.childForFieldName("return_type");
      const returns = ret ? normaliseType(ret, this.tctx(ctx)) : null;
      const item = {
        kind: "function",
        name: name2,
        symbol: exp.value ?? name2,
        path: ctx.modPath,
        file: ctx.file,
        line: this.line(node, ctx),
        cfg: this.effectiveCfg(ctx, pending, exp.attr),
        visibility: this.visibility(node),
        abi,
        unsafe,
        params,
        variadic,
        returns: returns === "()" ? null : returns,
        export: exp.symbolFrom,
        doc: this.docOf(pending),
        body: body2 ? bodyFacts(body2, params, ctx.lineBase) : emptyBody()
      };
      if (ctx.macro) item.macro = ctx.macro;
      this.out.items.push(item);
    }
    if (body2) this.scanContainer(body2, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] }, true);
  }
  scanStatic(node, pending, ctx) {
    const exp = this.exportAttr(pending);
    const nameNode = node.childForFieldName("name");
    if (!exp || !nameNode) return;
    const item = {
      kind: "static",
      name: nameNode.text,
      symbol: exp.value ?? nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending, exp.attr),
      visibility: this.visibility(node),
      type: normaliseType(node.childForFieldName("type"), this.tctx(ctx)),
      mutable: node.namedChildren.some((c) => c.type === "mutable_specifier"),
      export: exp.symbolFrom,
      doc: this.docOf(pending)
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.items.push(item);
  }
  reprOf(pending) {
    const repr = [];
    for (const a of pending.attrs) if (a.name === "repr" && a.args !== null) repr.push(...readRepr(a.args));
    return repr;
  }
  fieldsOf(list, ctx) {
    const fields = [];
    if (!list) return { fields, tuple: false };
    const tuple = list.type === "ordered_field_declaration_list";
    let pending = newPending();
    let index = 0;
    if (tuple) {
      for (const c of list.namedChildren) {
        if (c.type === "attribute_item") {
          this.readAttr(c, pending, ctx);
          continue;
        }
        if (c.type === "visibility_modifier" || c.type === "line_comment" || c.type === "block_comment") continue;
        if (!pending.disabled) fields.push({ name: String(index), type: normaliseType(c, this.tctx(ctx)) });
        index++;
        pending = newPending();
      }
      return { fields, tuple };
    }
    for (const c of list.namedChildren) {
      if (c.type === "attribute_item") {
        this.readAttr(c, pending, ctx);
        continue;
      }
      if (c.type !== "field_declaration") continue;
      if (!pending.disabled) {
        fields.push({
          name: c.childForFieldName("name")?.text ?? String(index),
          type: normaliseType(c.childForFieldName("type"), this.tctx(ctx))
        });
      }
      index++;
      pending = newPending();
    }
    return { fields, tuple };
  }
  scanStruct(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    if (!nameNode) return;
    const kind = node.type === "union_item" ? "union" : "struct";
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: nameNode.text, kind, repr });
    const visibility = this.visibility(node);
    if (visibility !== "pub" || repr.length === 0) return;
    const body2 = node.childForFieldName("body");
    const { fields, tuple } = this.fieldsOf(body2, ctx);
    const item = {
      kind,
      name: nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      repr,
      fields,
      tuple
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.items.push(item);
  }
  scanEnum(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    if (!nameNode) return;
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: nameNode.text, kind: "enum", repr });
    const visibility = this.visibility(node);
    if (visibility !== "pub" || repr.length === 0) return;
    const variants = [];
    const body2 = node.childForFieldName("body");
    let next = 0n;
    let vp = newPending();
    for (const c of body2?.namedChildren ?? []) {
      if (c.type === "attribute_item") {
        this.readAttr(c, vp, ctx);
        continue;
      }
      if (c.type !== "enum_variant") continue;
      if (vp.disabled) {
        vp = newPending();
        continue;
      }
      vp = newPending();
      const vname = c.childForFieldName("name")?.text ?? "?";
      const valueNode = c.childForFieldName("value");
      const discriminant = valueNode ? valueNode.text.replace(/\s+/g, " ") : null;
      let value;
      if (valueNode) value = evalDiscriminant(valueNode.text);
      else value = next;
      const variant = { name: vname, discriminant, value: value === null ? null : value.toString() };
      const vbody = c.childForFieldName("body");
      if (vbody) variant.fields = this.fieldsOf(vbody, ctx).fields;
      variants.push(variant);
      next = value === null ? null : value + 1n;
    }
    const item = {
      kind: "enum",
      name: nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      repr,
      variants,
      nonExhaustive: pending.attrs.some((a) => a.name === "non_exhaustive")
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.items.push(item);
  }
  scanTypeAlias(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    if (!nameNode || this.visibility(node) !== "pub") return;
    if (node.childForFieldName("type_parameters")) return;
    const item = {
      kind: "type",
      name: nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility: "pub",
      target: normaliseType(node.childForFieldName("type"), this.tctx(ctx))
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.candidates.push(item);
  }
  scanConst(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    if (!nameNode || this.visibility(node) !== "pub" || ctx.selfType) return;
    const valueNode = node.childForFieldName("value");
    const item = {
      kind: "const",
      name: nameNode.text,
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility: "pub",
      type: normaliseType(node.childForFieldName("type"), this.tctx(ctx)),
      value: valueNode ? valueNode.text.replace(/\s+/g, " ").slice(0, 1e3) : ""
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.candidates.push(item);
  }
  scanMod(node, pending, ctx) {
    const name2 = node.childForFieldName("name")?.text;
    if (!name2) return;
    const body2 = node.childForFieldName("body");
    const cfgs = [...ctx.cfgs, ...pending.cfgs];
    const pathAttr = pending.attrs.find((a) => a.name === "path")?.value ?? null;
    const modPath = `${ctx.modPath}::${name2}`;
    if (body2) {
      const dir = pathAttr ? joinPath(ctx.pathBaseDir, pathAttr) : joinPath(ctx.childDir, name2);
      this.scanContainer(body2, { ...ctx, modPath, cfgs, childDir: dir, pathBaseDir: dir });
      return;
    }
    this.out.mods.push({
      name: name2,
      pathAttr,
      cfgs,
      modPath,
      lookupDir: ctx.childDir,
      pathBaseDir: ctx.pathBaseDir,
      file: ctx.file,
      line: this.line(node, ctx)
    });
  }
  scanForeign(node, pending, ctx) {
    const ext = node.namedChildren.find((c) => c.type === "extern_modifier");
    const abi = ext ? abiOf(ext) : "C";
    const body2 = node.childForFieldName("body");
    if (!body2) return;
    let ip = newPending();
    for (const c of body2.namedChildren) {
      if (c.type === "attribute_item") {
        this.readAttr(c, ip, ctx);
        continue;
      }
      if (c.type !== "function_signature_item" && c.type !== "static_item") continue;
      const cur = ip;
      ip = newPending();
      if (cur.disabled) continue;
      const name2 = c.childForFieldName("name")?.text;
      if (!name2) continue;
      const linkName = cur.attrs.find((a) => a.name === "link_name")?.value ?? name2;
      const item = {
        kind: "import",
        name: name2,
        symbol: linkName,
        path: ctx.modPath,
        file: ctx.file,
        line: this.line(c, ctx),
        cfg: conjoin([...ctx.cfgs, ...pending.cfgs, ...cur.cfgs]) ? renderCfg(conjoin([...ctx.cfgs, ...pending.cfgs, ...cur.cfgs])) : null,
        visibility: this.visibility(c),
        abi,
        what: c.type === "static_item" ? "static" : "function"
      };
      if (c.type === "function_signature_item") {
        const { params, variadic } = this.readParams(c, ctx);
        const ret = c.childForFieldName("return_type");
        const r = ret ? normaliseType(ret, this.tctx(ctx)) : null;
        item.params = params;
        item.variadic = variadic;
        item.returns = r === "()" ? null : r;
      } else {
        item.type = normaliseType(c.childForFieldName("type"), this.tctx(ctx));
        item.mutable = c.namedChildren.some((x) => x.type === "mutable_specifier");
      }
      if (ctx.macro) item.macro = ctx.macro;
      this.out.items.push(item);
    }
  }
  scanMacroDef(node, ctx) {
    const name2 = node.childForFieldName("name")?.text;
    if (!name2) return;
    const rules = [];
    for (const r of node.namedChildren) {
      if (r.type !== "macro_rule") continue;
      const left = r.childForFieldName("left");
      const right = r.childForFieldName("right");
      if (!left || !right) continue;
      rules.push({ matcher: left.text.slice(1, -1), transcriber: right.text.slice(1, -1) });
    }
    const text2 = node.text;
    this.out.macros.push({
      name: name2,
      rules,
      exports: /\b(no_mangle|export_name)\b/.test(text2),
      catchesUnwind: /\bcatch_unwind\b/.test(text2),
      file: ctx.file,
      line: this.line(node, ctx)
    });
  }
  scanInvocation(node, pending, ctx) {
    const macroNode = node.childForFieldName("macro");
    if (!macroNode) return;
    const full = macroNode.text;
    const name2 = full.split("::").pop() ?? full;
    if (name2 === "macro_rules") return;
    const tt = node.namedChildren.find((c) => c.type === "token_tree");
    const input = tt ? tt.text.slice(1, -1) : "";
    if (HARMLESS_ITEM_MACROS.has(name2)) return;
    this.out.invocations.push({
      name: full,
      input,
      ctx: { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] },
      line: this.line(node, ctx)
    });
  }
  get text() {
    return this.source;
  }
};
function joinPath(dir, rel) {
  const parts2 = (dir ? dir.split("/") : []).concat(rel.split(/[\\/]/));
  const out2 = [];
  for (const p of parts2) {
    if (p === "" || p === ".") continue;
    if (p === "..") {
      if (out2.length === 0 || out2[out2.length - 1] === "..") out2.push("..");
      else out2.pop();
    } else out2.push(p);
  }
  return out2.join("/");
}
function emptyBody() {
  return { derefs: [], panics: [], catchUnwind: false, macros: [], assigns: [] };
}
var DEREF_CALLS = /* @__PURE__ */ new Set([
  "from_ptr",
  "from_raw_parts",
  "from_raw_parts_mut",
  "from_raw",
  "read",
  "read_unaligned",
  "read_volatile",
  "write",
  "write_unaligned",
  "write_volatile",
  "write_bytes",
  "copy",
  "copy_nonoverlapping",
  "drop_in_place",
  "replace",
  "swap",
  "strlen"
]);
var DEREF_METHODS = /* @__PURE__ */ new Set([
  "as_ref",
  "as_mut",
  "read",
  "read_unaligned",
  "read_volatile",
  "write",
  "write_unaligned",
  "write_volatile",
  "replace",
  "swap",
  "drop_in_place",
  "as_uninit_ref",
  "as_uninit_mut"
]);
var PANIC_MACROS = /* @__PURE__ */ new Set([
  "panic",
  "unreachable",
  "todo",
  "unimplemented",
  "assert",
  "assert_eq",
  "assert_ne",
  "debug_assert",
  "debug_assert_eq",
  "debug_assert_ne"
]);
var PANIC_METHODS = /* @__PURE__ */ new Set(["unwrap", "expect", "unwrap_err", "expect_err"]);
function stripParens(node) {
  let n = node;
  while (n && n.type === "parenthesized_expression") n = n.namedChildren[0] ?? null;
  return n;
}
function bodyFacts(body2, params, lineBase) {
  const ptrs = new Set(params.filter((p) => isRawPointer(p.type)).map((p) => p.name));
  const facts = emptyBody();
  const derefs = /* @__PURE__ */ new Set();
  const macros = /* @__PURE__ */ new Set();
  const assigns = /* @__PURE__ */ new Set();
  const line = (n) => lineBase + n.startPosition.row;
  const visit = (node, guarded) => {
    switch (node.type) {
      case "unary_expression": {
        if (node.children[0]?.text === "*") {
          const op = stripParens(node.namedChildren[0] ?? null);
          if (op?.type === "identifier" && ptrs.has(op.text)) derefs.add(op.text);
        }
        break;
      }
      case "call_expression": {
        const fn = node.childForFieldName("function");
        const args2 = node.childForFieldName("arguments");
        const fnText = fn?.text ?? "";
        const last = fnText.split("::").pop()?.replace(/<.*$/, "") ?? "";
        if (fn?.type === "field_expression") {
          const field = fn.childForFieldName("field")?.text ?? "";
          const value = stripParens(fn.childForFieldName("value"));
          if (DEREF_METHODS.has(field) && value?.type === "identifier" && ptrs.has(value.text)) derefs.add(value.text);
          if (PANIC_METHODS.has(field) && !guarded) facts.panics.push({ what: field, line: line(node) });
        } else if (DEREF_CALLS.has(last) && args2) {
          for (const a of args2.namedChildren) {
            const v = stripParens(a);
            if (v?.type === "identifier" && ptrs.has(v.text)) derefs.add(v.text);
            if (v?.type === "type_cast_expression") {
              const inner = stripParens(v.childForFieldName("value"));
              if (inner?.type === "identifier" && ptrs.has(inner.text)) derefs.add(inner.text);
            }
          }
        }
        if (last === "catch_unwind") {
          facts.catchUnwind = true;
          if (fn) visit(fn, guarded);
          if (args2) for (const a of args2.namedChildren) visit(a, true);
          return;
        }
        break;
      }
      case "index_expression":
        if (!guarded) facts.panics.push({ what: "indexing", line: line(node) });
        break;
      case "macro_invocation": {
        const m = node.childForFieldName("macro")?.text ?? "";
        const name2 = m.split("::").pop() ?? m;
        macros.add(name2);
        if (PANIC_MACROS.has(name2) && !guarded) facts.panics.push({ what: `${name2}!`, line: line(node) });
        const tt = node.namedChildren.find((c) => c.type === "token_tree");
        if (tt) {
          const txt = tt.text;
          if (/\bcatch_unwind\b/.test(txt)) facts.catchUnwind = true;
          if (!guarded) {
            const m2 = /\.\s*(unwrap|expect)\s*\(|\b(panic|unreachable|todo|unimplemented)\s*!/.exec(txt);
            if (m2) facts.panics.push({ what: `${m2[1] ?? m2[2] + "!"} in ${name2}!`, line: line(node), macro: name2 });
          }
          for (const p of ptrs) {
            if (new RegExp(`\\*\\s*${p}\\b|from_ptr\\s*\\(\\s*${p}\\b|from_raw_parts(_mut)?\\s*\\(\\s*${p}\\b|\\b${p}\\s*\\.\\s*as_(ref|mut)\\b`).test(txt))
              derefs.add(p);
          }
        }
        return;
      }
      case "assignment_expression":
      case "compound_assignment_expr": {
        const left = stripParens(node.childForFieldName("left"));
        if (left?.type === "identifier") assigns.add(left.text);
        else if (left?.type === "scoped_identifier") assigns.add(left.childForFieldName("name")?.text ?? left.text);
        else if (left?.type === "field_expression" || left?.type === "index_expression") {
          let base = left;
          while (base && (base.type === "field_expression" || base.type === "index_expression"))
            base = stripParens(base.namedChildren[0] ?? null);
          if (base?.type === "identifier") assigns.add(base.text);
        }
        break;
      }
      case "function_item":
      case "impl_item":
      case "mod_item":
        return;
      // nested items have their own facts
      default:
        break;
    }
    for (const c of node.namedChildren) visit(c, guarded);
  };
  visit(body2, false);
  facts.derefs = [...derefs].sort();
  facts.macros = [...macros].sort();
  facts.assigns = [...assigns].sort();
  return facts;
}

// src/core/workspace.ts
function isTable(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
async function readToml(tree, path3, diags) {
  const r = await tree.read(path3, 1024 * 1024);
  if (!r.ok) {
    if (r.reason !== "missing") diags.push({ level: "error", code: "manifest-unreadable", message: `${path3} ${r.detail}`, file: path3 });
    return null;
  }
  try {
    return parse(r.text);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    diags.push({ level: "error", code: "manifest-invalid", message: `${path3} is not valid TOML: ${msg}`, file: path3 });
    return null;
  }
}
function globSegment(pattern, name2) {
  const re = "^" + pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$";
  return new RegExp(re).test(name2);
}
async function expandGlob(tree, pattern, limits) {
  const segs = pattern.split("/").filter((s) => s !== "" && s !== ".");
  let current = [""];
  for (const seg of segs) {
    const next = [];
    for (const base of current) {
      if (seg === "**") {
        const stack = [base];
        let n = 0;
        while (stack.length && n++ < 1e4) {
          const d = stack.pop();
          next.push(d);
          for (const e of await tree.list(d)) if (e.type === "dir" && e.name !== "target" && !e.name.startsWith(".")) stack.push(joinPath(d, e.name));
        }
      } else if (/[*?[]/.test(seg)) {
        for (const e of await tree.list(base)) if (e.type === "dir" && globSegment(seg, e.name)) next.push(joinPath(base, e.name));
      } else next.push(joinPath(base, seg));
    }
    current = next.slice(0, limits.maxCrates * 4);
  }
  return current;
}
function inherit(value, ws, key) {
  if (typeof value === "string") return value;
  if (isTable(value) && value.workspace === true && ws && isTable(ws.package)) {
    const v = ws.package[key];
    return typeof v === "string" ? v : null;
  }
  return null;
}
async function readCrate(tree, dir, wsTable, diags) {
  const manifest = joinPath(dir, "Cargo.toml");
  const toml = await readToml(tree, manifest, diags);
  if (!toml || !isTable(toml.package)) return null;
  const pkg = toml.package;
  const name2 = typeof pkg.name === "string" ? pkg.name : null;
  if (!name2) {
    diags.push({ level: "error", code: "manifest-invalid", message: `${manifest} has no package.name`, file: manifest });
    return null;
  }
  const version = inherit(pkg.version, wsTable, "version") ?? "0.0.0";
  const lib = isTable(toml.lib) ? toml.lib : null;
  let libRoot = null;
  if (lib && typeof lib.path === "string") libRoot = joinPath(dir, lib.path);
  else if (await tree.stat(joinPath(dir, "src/lib.rs")) === "file") libRoot = joinPath(dir, "src/lib.rs");
  if (!libRoot) return null;
  const featureTable = {};
  if (isTable(toml.features)) for (const [k, v] of Object.entries(toml.features)) featureTable[k] = strings(v);
  const optionalDeps = [];
  for (const key of ["dependencies", "build-dependencies"]) {
    const deps = toml[key];
    if (isTable(deps)) {
      for (const [k, v] of Object.entries(deps)) if (isTable(v) && v.optional === true) optionalDeps.push(k);
    }
  }
  return { name: name2, version, manifest, dir, libRoot, featureTable, optionalDeps };
}
async function discoverWorkspace(tree, limits) {
  const diagnostics = [];
  const root = await readToml(tree, "Cargo.toml", diagnostics);
  if (!root) {
    if (!diagnostics.length)
      diagnostics.push({ level: "error", code: "no-manifest", message: `no Cargo.toml at the root of ${tree.label}`, file: "Cargo.toml" });
    return { crates: [], diagnostics };
  }
  const ws = isTable(root.workspace) ? root.workspace : null;
  const dirs = [];
  if (isTable(root.package)) dirs.push("");
  if (ws) {
    const excluded = /* @__PURE__ */ new Set();
    for (const p of strings(ws.exclude)) for (const d of await expandGlob(tree, p, limits)) excluded.add(d);
    for (const p of strings(ws.members)) {
      for (const d of await expandGlob(tree, p, limits)) {
        if (!excluded.has(d) && !dirs.includes(d) && await tree.stat(joinPath(d, "Cargo.toml")) === "file") dirs.push(d);
      }
    }
  }
  const crates = [];
  for (const d of dirs) {
    if (crates.length >= limits.maxCrates) {
      diagnostics.push({ level: "error", code: "too-many-crates", message: `more than ${limits.maxCrates} crates; the rest were not analysed` });
      break;
    }
    const c = await readCrate(tree, d, ws, diagnostics);
    if (c) crates.push(c);
  }
  crates.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { crates, diagnostics };
}
function enabledFeatures(c, sel) {
  const all = /* @__PURE__ */ new Set([...Object.keys(c.featureTable), ...c.optionalDeps]);
  const out2 = /* @__PURE__ */ new Set();
  if (sel.mode === "all") {
    for (const f of all) out2.add(f);
    return out2;
  }
  const queue = [...sel.features];
  if (sel.mode === "default" && c.featureTable.default) queue.push("default");
  while (queue.length) {
    const f = queue.pop();
    const name2 = f.includes("/") ? "" : f.startsWith("dep:") ? "" : f;
    if (!name2 || out2.has(name2)) continue;
    out2.add(name2);
    for (const implied of c.featureTable[name2] ?? []) queue.push(implied.replace(/\?$/, ""));
  }
  return out2;
}

// src/core/extract/macro-expander.ts
var MAX_OUTPUT = 1e6;
function parseMatcher(tokens, src, from, to) {
  const out2 = [];
  let i2 = from;
  while (i2 < to) {
    const t = tokens[i2];
    if (t.text === "$" && i2 + 1 < to) {
      const n = tokens[i2 + 1];
      if (n.kind === "ident" && tokens[i2 + 2]?.text === ":" && tokens[i2 + 3]?.kind === "ident" && i2 + 3 < to) {
        out2.push({ k: "var", name: n.text, frag: tokens[i2 + 3].text });
        i2 += 4;
        continue;
      }
      if (n.text === "(") {
        const end = skipTree(tokens, i2 + 1);
        const elems = parseMatcher(tokens, src, i2 + 2, end - 1);
        let j = end;
        let sep2 = null;
        let op = "*";
        if (j < to && ["*", "+", "?"].includes(tokens[j].text)) {
          op = tokens[j].text;
          j++;
        } else if (j + 1 < to + 1 && j < to) {
          sep2 = tokens[j].text;
          op = tokens[j + 1]?.text ?? "*";
          j += 2;
        }
        out2.push({ k: "rep", elems, sep: sep2, op });
        i2 = j;
        continue;
      }
    }
    if (t.kind === "open") {
      const end = skipTree(tokens, i2);
      out2.push({ k: "group", open: t.text, elems: parseMatcher(tokens, src, i2 + 1, end - 1) });
      i2 = end;
      continue;
    }
    out2.push({ k: "lit", text: t.text });
    i2++;
  }
  return out2;
}
function followSet(elems, idx, outer) {
  const next = elems[idx + 1];
  if (!next) return outer;
  if (next.k === "lit") return /* @__PURE__ */ new Set([next.text]);
  if (next.k === "group") return /* @__PURE__ */ new Set([next.open]);
  return outer;
}
function consumeFragment(st, frag, i2, end, stops) {
  const t = st.tokens;
  if (i2 > end) return null;
  switch (frag) {
    case "ident":
      return i2 < end && t[i2].kind === "ident" ? i2 + 1 : null;
    case "lifetime":
      return i2 < end && t[i2].kind === "lifetime" ? i2 + 1 : null;
    case "tt":
      return i2 < end ? skipTree(t, i2) : null;
    case "block":
      return i2 < end && t[i2].text === "{" ? skipTree(t, i2) : null;
    case "literal": {
      let j = i2;
      if (j < end && t[j].text === "-") j++;
      if (j < end && (t[j].kind === "literal" || t[j].text === "true" || t[j].text === "false")) return j + 1;
      return null;
    }
    case "vis": {
      if (i2 < end && t[i2].text === "pub") {
        if (i2 + 1 < end && t[i2 + 1].text === "(") return skipTree(t, i2 + 1);
        return i2 + 1;
      }
      return i2;
    }
    default: {
      const defaultStops = frag === "expr" || frag === "stmt" ? [",", ";", "=>"] : frag === "ty" || frag === "path" ? [",", ";", "=", "=>", "{", "|"] : frag === "pat" || frag === "pat_param" ? [",", "=", "=>", "if", "in"] : [];
      let j = i2;
      let angle = 0;
      while (j < end) {
        const tok = t[j];
        if (angle === 0 && (stops.has(tok.text) || defaultStops.includes(tok.text))) break;
        if (frag === "ty" || frag === "path") {
          if (tok.text === "<") angle++;
          else if (tok.text === ">" && angle > 0) angle--;
          else if (tok.text === ">>" && angle > 0) angle = Math.max(0, angle - 2);
          else if (tok.text === "->") {
          }
        }
        if (frag === "item" && tok.text === "{") {
          j = skipTree(t, j);
          if (angle === 0) break;
          continue;
        }
        if (frag === "item" && tok.text === ";") {
          j++;
          break;
        }
        j = tok.kind === "open" ? skipTree(t, j) : j + 1;
      }
      return j > i2 ? j : null;
    }
  }
}
function matchSeq(st, elems, i2, end, binds, outerStops, depth) {
  if (depth > 64) return null;
  let pos = i2;
  for (let e = 0; e < elems.length; e++) {
    const el = elems[e];
    if (el.k === "lit") {
      if (pos >= end || st.tokens[pos].text !== el.text) return null;
      pos++;
    } else if (el.k === "group") {
      if (pos >= end || st.tokens[pos].text !== el.open) return null;
      const close = skipTree(st.tokens, pos);
      const r = matchSeq(st, el.elems, pos + 1, close - 1, binds, /* @__PURE__ */ new Set([CLOSER[el.open]]), depth + 1);
      if (r !== close - 1) return null;
      pos = close;
    } else if (el.k === "var") {
      const r = consumeFragment(st, el.frag, pos, end, followSet(elems, e, outerStops));
      if (r === null) return null;
      binds.set(el.name, { text: joinRange(st, pos, r) });
      pos = r;
    } else {
      const reps = [];
      const after = followSet(elems, e, outerStops);
      const innerStops = /* @__PURE__ */ new Set([...after, ...el.sep ? [el.sep] : []]);
      for (let guard = 0; guard < 1e4; guard++) {
        if (pos >= end) break;
        if (reps.length > 0 && el.sep) {
          if (st.tokens[pos].text !== el.sep) break;
        }
        const start2 = reps.length > 0 && el.sep ? pos + 1 : pos;
        const b = /* @__PURE__ */ new Map();
        const r = matchSeq(st, el.elems, start2, end, b, innerStops, depth + 1);
        if (r === null || r === pos) break;
        reps.push(b);
        pos = r;
        if (el.op === "?") break;
      }
      if (el.op === "+" && reps.length === 0) return null;
      for (const name2 of varsOf(el.elems)) binds.set(name2, { reps });
    }
  }
  return pos;
}
function varsOf(elems) {
  const out2 = [];
  for (const e of elems) {
    if (e.k === "var") out2.push(e.name);
    else if (e.k === "rep" || e.k === "group") out2.push(...varsOf(e.elems));
  }
  return out2;
}
function joinRange(st, from, to) {
  if (from >= to) return "";
  return st.src.slice(st.tokens[from].start, st.tokens[to - 1].end);
}
function transcribe(tokens, src, from, to, scopes, out2, size) {
  const lookup = (name2) => {
    for (let s = scopes.length - 1; s >= 0; s--) {
      const b = scopes[s].get(name2);
      if (b) return b;
    }
    return void 0;
  };
  let i2 = from;
  while (i2 < to) {
    if (size.n > MAX_OUTPUT) return false;
    const t = tokens[i2];
    if (t.text === "$" && i2 + 1 < to) {
      const n = tokens[i2 + 1];
      if (n.kind === "ident") {
        if (n.text === "crate") {
          out2.push("crate");
          i2 += 2;
          continue;
        }
        const b = lookup(n.text);
        if (b && "text" in b) {
          out2.push(b.text);
          size.n += b.text.length;
          i2 += 2;
          continue;
        }
      }
      if (n.text === "(") {
        const end = skipTree(tokens, i2 + 1);
        let j = end;
        let sep2 = null;
        if (j < to && ["*", "+", "?"].includes(tokens[j].text)) j++;
        else if (j < to) {
          sep2 = tokens[j].text;
          j += 2;
        }
        const inner = tokens.slice(i2 + 2, end - 1);
        let iterations = null;
        for (let k = 0; k < inner.length - 1; k++) {
          if (inner[k].text === "$" && inner[k + 1].kind === "ident") {
            const b = lookup(inner[k + 1].text);
            if (b && "reps" in b) {
              iterations = b.reps;
              break;
            }
          }
        }
        for (let r = 0; r < (iterations?.length ?? 0); r++) {
          if (r > 0 && sep2) out2.push(sep2);
          if (!transcribe(tokens, src, i2 + 2, end - 1, [...scopes, iterations[r]], out2, size)) return false;
        }
        i2 = j;
        continue;
      }
    }
    out2.push(src.slice(t.start, t.end));
    size.n += t.end - t.start;
    i2++;
  }
  return true;
}
function expandMacro(rules, input) {
  const inTokens = lex(input, 2e5);
  for (const rule of rules) {
    const mTokens = lex(rule.matcher, 5e4);
    const elems = parseMatcher(mTokens, rule.matcher, 0, mTokens.length);
    const binds = /* @__PURE__ */ new Map();
    const st = { tokens: inTokens, src: input };
    const end = matchSeq(st, elems, 0, inTokens.length, binds, /* @__PURE__ */ new Set(), 0);
    if (end !== inTokens.length) continue;
    const tTokens = lex(rule.transcriber, 2e5);
    const out2 = [];
    if (!transcribe(tTokens, rule.transcriber, 0, tTokens.length, [binds], out2, { n: 0 })) return null;
    return out2.join(" ");
  }
  return null;
}
function splitCfgIf(input) {
  const t = lex(input, 2e5);
  const branches = [];
  let i2 = 0;
  while (i2 < t.length) {
    if (t[i2].text === "else") i2++;
    let pred = null;
    if (t[i2]?.text === "if") {
      if (t[i2 + 1]?.text !== "#" || t[i2 + 2]?.text !== "[") return null;
      const attrEnd = skipTree(t, i2 + 2);
      const inner = input.slice(t[i2 + 3].start, t[attrEnd - 2].end);
      const m = /^cfg\s*\(([\s\S]*)\)$/.exec(inner.trim());
      if (!m) return null;
      pred = m[1];
      i2 = attrEnd;
    }
    if (t[i2]?.text !== "{") return null;
    const end = skipTree(t, i2);
    const body2 = end - 1 > i2 + 1 ? input.slice(t[i2 + 1].start, t[end - 2].end) : "";
    branches.push({ pred, body: body2 });
    i2 = end;
  }
  return branches;
}

// src/core/extract/extract-crate.ts
var PREFILTER = /no_mangle|export_name|extern|repr\s*\(|macro_rules|^[A-Za-z_][\w:]*!\s*[{([]/m;
function prepareForParse(text2) {
  if (!/unsafe\s+extern/.test(text2)) return text2;
  return text2.replace(/\bunsafe(\s+extern\s*(?:"[^"\n]*"\s*)?\{)/g, (_m, rest) => "      " + rest).replace(/^(\s*(?:pub(?:\([^)\n]*\))?\s+)?)safe(\s+(?:fn|static)\b)/gm, (_m, pre, rest) => pre + "    " + rest);
}
async function extractCrate(tree, manifest, features, parser, limits) {
  const env = { features };
  const diagnostics = [];
  const items = [];
  const candidates = [];
  const declaredTypes = [];
  const macros = /* @__PURE__ */ new Map();
  const invocations = [];
  const testText = [];
  const unparsed = [];
  const visited = /* @__PURE__ */ new Set();
  const files = [];
  const absorb = (scanner, takeMods) => {
    const o = scanner.out;
    items.push(...o.items);
    candidates.push(...o.candidates);
    declaredTypes.push(...o.declaredTypes);
    for (const m of o.macros) if (!macros.has(m.name)) macros.set(m.name, m);
    invocations.push(...o.invocations);
    diagnostics.push(...o.diagnostics);
    testText.push(...o.testText);
    return takeMods ? o.mods : [];
  };
  const parseAndScan = (text2, ctx, takeMods) => {
    const scanner = new FileScanner(env, text2);
    let t = null;
    try {
      t = parser.parse(prepareForParse(text2));
      scanner.scanContainer(t.rootNode, ctx);
    } catch (e) {
      diagnostics.push({ level: "error", code: "parse-failed", message: `could not parse: ${e instanceof Error ? e.message : String(e)}`, file: ctx.file });
    } finally {
      t?.delete();
    }
    return absorb(scanner, takeMods);
  };
  const rootDir = dirname(manifest.libRoot);
  const rootCtx = {
    file: manifest.libRoot,
    modPath: "crate",
    cfgs: [],
    childDir: rootDir,
    pathBaseDir: rootDir,
    lineBase: 1
  };
  const queue = [{ file: manifest.libRoot, ctx: rootCtx, depth: 0, isRoot: true }];
  while (queue.length) {
    const { file, ctx, depth, isRoot } = queue.shift();
    if (visited.has(file)) {
      diagnostics.push({ level: "warning", code: "module-cycle", message: `${file} is included more than once (a #[path] cycle or duplicate); read once`, file });
      continue;
    }
    if (files.length >= limits.maxFilesPerCrate) {
      diagnostics.push({ level: "error", code: "too-many-files", message: `crate ${manifest.name} has more than ${limits.maxFilesPerCrate} module files; the rest were not read`, file });
      break;
    }
    visited.add(file);
    const r = await tree.read(file, limits.maxFileBytes);
    let text2;
    if (r.ok) text2 = r.text;
    else if (r.reason === "invalid-utf8" && r.text !== void 0) {
      diagnostics.push({ level: "warning", code: "invalid-utf8", message: `${file} is not valid UTF-8; read with replacement characters`, file });
      text2 = r.text;
    } else {
      diagnostics.push({
        level: r.reason === "missing" ? "warning" : "error",
        code: r.reason === "missing" ? "module-not-found" : `file-${r.reason}`,
        message: `${file} ${r.detail}${r.reason === "missing" ? "" : "; not read"}`,
        file
      });
      continue;
    }
    files.push(file);
    const inner = innerCfgs(text2, env);
    if (inner === false) continue;
    const fileCtx = { ...ctx, file, cfgs: [...ctx.cfgs, ...inner] };
    let mods;
    if (isRoot || PREFILTER.test(text2)) mods = parseAndScan(text2, fileCtx, true);
    else {
      mods = scanModsLexically(text2, fileCtx, env);
      unparsed.push({ path: file, text: text2, ctx: fileCtx });
    }
    for (const m of mods) {
      if (depth + 1 > limits.maxModuleDepth) {
        diagnostics.push({ level: "error", code: "module-too-deep", message: `module ${m.modPath} is nested deeper than ${limits.maxModuleDepth}`, file: m.file, line: m.line });
        continue;
      }
      const resolved = await resolveMod(tree, m);
      if (!resolved) {
        diagnostics.push({
          level: "warning",
          code: "module-not-found",
          message: `mod ${m.name}: none of ${candidatesOf(m).join(", ")} exists`,
          file: m.file,
          line: m.line
        });
        continue;
      }
      const modRs = m.pathAttr !== null || /(^|\/)mod\.rs$/.test(resolved);
      const childDir = modRs ? dirname(resolved) : joinPath(dirname(resolved), stem(resolved));
      queue.push({
        file: resolved,
        ctx: { file: resolved, modPath: m.modPath, cfgs: m.cfgs, childDir, pathBaseDir: dirname(resolved), lineBase: 1 },
        depth: depth + 1,
        isRoot: false
      });
    }
  }
  const macroNames = [...macros.keys()];
  if (unparsed.length && macroNames.length) {
    const re = new RegExp(`\\b(${[...macroNames, "cfg_if"].map(escapeRe).join("|")})\\s*!`);
    for (const f of unparsed) if (re.test(f.text)) parseAndScan(f.text, f.ctx, false);
  }
  let expansions = 0;
  const work = invocations.map((inv) => ({ inv, depth: 0 }));
  invocations.length = 0;
  while (work.length) {
    const { inv, depth } = work.shift();
    const name2 = inv.name.split("::").pop() ?? inv.name;
    const before = invocations.length;
    if (++expansions > limits.maxExpansions) {
      diagnostics.push({ level: "error", code: "too-many-expansions", message: `more than ${limits.maxExpansions} macro expansions in ${manifest.name}; the rest were not expanded`, file: inv.ctx.file, line: inv.line });
      break;
    }
    if (depth > limits.maxMacroDepth) {
      diagnostics.push({ level: "error", code: "macro-too-deep", message: `macro ${name2}! expands deeper than ${limits.maxMacroDepth} levels`, file: inv.ctx.file, line: inv.line });
      continue;
    }
    const ctxAt = { ...inv.ctx, lineBase: inv.line };
    if (name2 === "cfg_if") {
      const branches = splitCfgIf(inv.input);
      if (!branches) {
        diagnostics.push({ level: "warning", code: "unexpanded-macro", message: `cannot read cfg_if! input; exports inside it are not seen`, file: inv.ctx.file, line: inv.line });
        continue;
      }
      const negated = [];
      for (const b of branches) {
        const pred = b.pred ? parseCfg(b.pred) : null;
        const conds = [...negated, ...pred ? [pred] : []];
        const all = conjoin(conds);
        const v = all ? evalCfg(all, env) : true;
        if (v !== false) parseAndScan(b.body, { ...ctxAt, cfgs: [...ctxAt.cfgs, ...conds.filter((c) => evalCfg(c, env) !== true)] }, false);
        if (v === true) break;
        if (pred) negated.push({ op: "not", arg: pred });
      }
    } else {
      const def = macros.get(name2);
      if (!def) {
        diagnostics.push({
          level: "warning",
          code: "unexpanded-macro",
          message: `item-position macro ${inv.name}! is not defined in this crate (a proc macro or another crate's macro): exports it makes are not seen`,
          file: inv.ctx.file,
          line: inv.line
        });
        continue;
      }
      const text2 = expandMacro(def.rules, inv.input);
      if (text2 === null) {
        diagnostics.push({ level: "warning", code: "unexpanded-macro", message: `no rule of macro ${name2}! matches this invocation: exports it makes are not seen`, file: inv.ctx.file, line: inv.line });
        continue;
      }
      parseAndScan(text2, { ...ctxAt, macro: name2 }, false);
    }
    for (const inv2 of invocations.splice(before)) work.push({ inv: inv2, depth: depth + 1 });
  }
  const boundaries = new Set([...macros.values()].filter((m) => m.catchesUnwind).map((m) => m.name));
  for (const it of items) {
    if (it.kind === "function") {
      it.body.panics = it.body.panics.filter((p) => !(p.macro && boundaries.has(p.macro)));
      if (it.body.macros.some((m) => boundaries.has(m))) it.body.catchUnwind = true;
    }
  }
  const exportModules = new Set(items.filter((i2) => i2.kind !== "import").map((i2) => i2.path));
  const reprTypes = new Set(items.filter((i2) => i2.kind === "struct" || i2.kind === "union" || i2.kind === "enum").map((i2) => i2.name));
  const aliasNames = new Set(candidates.filter((c) => c.kind === "type").map((c) => c.name));
  for (const c of candidates) {
    if (c.path !== "crate" && !exportModules.has(c.path)) continue;
    const ty = c.kind === "type" ? c.target : c.kind === "const" ? c.type : "";
    if (isCCompatible(ty, reprTypes, aliasNames)) items.push(c);
  }
  const dedup = dedupe(items, diagnostics);
  return {
    surface: {
      name: manifest.name,
      version: manifest.version,
      manifest: manifest.manifest,
      root: manifest.libRoot,
      features: [...features].sort(),
      items: dedup,
      declaredTypes: uniqueTypes(declaredTypes),
      panicBoundaryMacros: [...boundaries].sort(),
      files: files.sort()
    },
    diagnostics,
    testText
  };
}
var C_PRIMITIVES = /* @__PURE__ */ new Set([
  "i8",
  "i16",
  "i32",
  "i64",
  "isize",
  "u8",
  "u16",
  "u32",
  "u64",
  "usize",
  "f32",
  "f64",
  "bool",
  "c_char",
  "c_schar",
  "c_uchar",
  "c_short",
  "c_ushort",
  "c_int",
  "c_uint",
  "c_long",
  "c_ulong",
  "c_longlong",
  "c_ulonglong",
  "c_float",
  "c_double",
  "c_void",
  "size_t",
  "ssize_t",
  "c_size_t",
  "c_ssize_t",
  "intptr_t",
  "uintptr_t",
  "ptrdiff_t",
  "CStr"
]);
function isCCompatible(type, reprTypes, aliases) {
  const t = type.trim();
  if (C_PRIMITIVES.has(t) || reprTypes.has(t) || aliases.has(t)) return true;
  if (/^\*(const|mut) /.test(t)) return true;
  if (/^(unsafe )?extern "[^"]*" fn\(/.test(t)) return true;
  if (/^Option<(unsafe )?extern "[^"]*" fn\(/.test(t)) return true;
  if (/^&(?:'static )?CStr$/.test(t) || t === "&CStr") return true;
  const arr = /^\[(.+); .+\]$/.exec(t);
  if (arr) return isCCompatible(arr[1], reprTypes, aliases);
  return false;
}
function dedupe(items, diagnostics) {
  const seen = /* @__PURE__ */ new Map();
  const out2 = [];
  for (const it of items) {
    const key = `${it.kind}:${"symbol" in it ? it.symbol : it.name}:${it.cfg ?? ""}`;
    const prev = seen.get(key);
    if (prev) {
      if (it.kind === "function" || it.kind === "static") {
        diagnostics.push({
          level: "warning",
          code: "duplicate-symbol",
          message: `symbol ${it.symbol} is exported twice (also at ${prev.file}:${prev.line}); the linker will reject this build`,
          file: it.file,
          line: it.line
        });
      }
      continue;
    }
    seen.set(key, it);
    out2.push(it);
  }
  return out2;
}
function uniqueTypes(types) {
  const m = /* @__PURE__ */ new Map();
  for (const t of types) if (!m.has(t.name) || t.repr.length) m.set(t.name, t);
  return [...m.values()].sort((a, b) => a.name < b.name ? -1 : 1);
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function dirname(p) {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
}
function stem(p) {
  const base = p.slice(p.lastIndexOf("/") + 1);
  return base.replace(/\.rs$/, "");
}
function candidatesOf(m) {
  if (m.pathAttr !== null) return [joinPath(m.pathBaseDir, m.pathAttr)];
  return [joinPath(m.lookupDir, `${m.name}.rs`), joinPath(m.lookupDir, `${m.name}/mod.rs`)];
}
async function resolveMod(tree, m) {
  for (const c of candidatesOf(m)) {
    if (c.startsWith("..")) continue;
    const st = await tree.stat(c);
    if (st === "file" || st === "symlink") return c;
  }
  return null;
}
function innerCfgs(text2, env) {
  if (!/#!\s*\[/.test(text2.slice(0, 65536))) return [];
  const tokens = lex(text2.slice(0, 65536), 5e3);
  const preds = [];
  let i2 = 0;
  while (tokens[i2]?.text === "#" && tokens[i2 + 1]?.text === "!" && tokens[i2 + 2]?.text === "[") {
    const end = skipTree(tokens, i2 + 2);
    const inner = text2.slice(tokens[i2 + 3]?.start ?? 0, tokens[end - 2]?.end ?? 0);
    for (const a of readAttribute(inner, env)) {
      if (a.name !== "cfg" || a.args === null) continue;
      const p = parseCfg(a.args);
      if (!p) continue;
      const v = evalCfg(p, env);
      if (v === false) return false;
      preds.push(p);
    }
    i2 = end;
  }
  return preds;
}
function scanModsLexically(text2, ctx, env) {
  const tokens = lex(text2);
  const out2 = [];
  const walk = (from, to, c) => {
    let attrs = { cfgs: [], path: null, disabled: false };
    let i2 = from;
    while (i2 < to) {
      const t = tokens[i2];
      if (t.text === "#" && tokens[i2 + 1]?.text === "!" && tokens[i2 + 2]?.text === "[") {
        i2 = skipTree(tokens, i2 + 2);
        continue;
      }
      if (t.text === "#" && tokens[i2 + 1]?.text === "[") {
        const end = skipTree(tokens, i2 + 1);
        const inner = text2.slice(tokens[i2 + 2]?.start ?? 0, tokens[end - 2]?.end ?? 0);
        for (const a of readAttribute(inner, env)) {
          if (a.name === "cfg" && a.args !== null) {
            const p = parseCfg(a.args);
            if (p) {
              const v = evalCfg(p, env);
              if (v === false) attrs.disabled = true;
              else attrs.cfgs.push(p);
            }
          } else if (a.name === "path" && a.value !== null) attrs.path = a.value;
        }
        i2 = end;
        continue;
      }
      if (t.text === "pub") {
        i2 = tokens[i2 + 1]?.text === "(" ? skipTree(tokens, i2 + 1) : i2 + 1;
        continue;
      }
      if (t.text === "mod" && tokens[i2 + 1]?.kind === "ident") {
        const name2 = tokens[i2 + 1].text.replace(/^r#/, "");
        const next = tokens[i2 + 2];
        const modPath = `${c.modPath}::${name2}`;
        if (next?.text === ";") {
          if (!attrs.disabled)
            out2.push({
              name: name2,
              pathAttr: attrs.path,
              cfgs: [...c.cfgs, ...attrs.cfgs],
              modPath,
              lookupDir: c.childDir,
              pathBaseDir: c.pathBaseDir,
              file: c.file,
              line: lineAt(text2, t.start)
            });
          i2 += 3;
        } else if (next?.text === "{") {
          const end = skipTree(tokens, i2 + 2);
          if (!attrs.disabled) {
            const dir = attrs.path ? joinPath(c.pathBaseDir, attrs.path) : joinPath(c.childDir, name2);
            walk(i2 + 3, end - 1, { ...c, modPath, cfgs: [...c.cfgs, ...attrs.cfgs], childDir: dir, pathBaseDir: dir });
          }
          i2 = end;
        } else i2 += 2;
        attrs = { cfgs: [], path: null, disabled: false };
        continue;
      }
      i2 = t.kind === "open" ? skipTree(tokens, i2) : i2 + 1;
      attrs = { cfgs: [], path: null, disabled: false };
    }
  };
  walk(0, tokens.length, ctx);
  return out2;
}
function lineAt(text2, offset) {
  let n = 1;
  for (let i2 = 0; i2 < offset; i2++) if (text2.charCodeAt(i2) === 10) n++;
  return n;
}

// src/core/extract/extract-surface.ts
var TEST_FILE = /(^|\/)(tests|benches|fuzz|fuzz_targets)\/.*\.rs$|_test\.go$/;
async function extractSurface(tree, parser, options) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const ws = await discoverWorkspace(tree, limits);
  const diagnostics = [...ws.diagnostics];
  const crates = [];
  const testTexts = [];
  for (const manifest of ws.crates) {
    const features = enabledFeatures(manifest, options.features);
    const r = await extractCrate(tree, manifest, features, parser, limits);
    crates.push({ ...r.surface, items: sortItems(r.surface.items) });
    diagnostics.push(...r.diagnostics);
    testTexts.push(...r.testText);
  }
  if (options.testCoverage) await markTested(tree, crates, testTexts, limits, diagnostics);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rev: tree.label,
    crates,
    diagnostics,
    digest: surfaceDigest(crates)
  };
}
async function markTested(tree, crates, texts, limits, diagnostics) {
  const listing = await tree.listAll(limits.maxListedFiles);
  if (listing.truncated) diagnostics.push({ level: "warning", code: "too-many-files", message: `more than ${limits.maxListedFiles} files; tests beyond them were not searched` });
  let budget = 64 * 1024 * 1024;
  for (const p of listing.paths) {
    if (!TEST_FILE.test(p) || budget <= 0) continue;
    const r = await tree.read(p, Math.min(limits.maxFileBytes, budget));
    if (r.ok) {
      texts.push(r.text);
      budget -= r.bytes;
    }
  }
  const haystack = texts.join("\n");
  for (const c of crates) {
    for (const it of c.items) {
      if (it.kind !== "function" && it.kind !== "static") continue;
      it.tested = mentions(haystack, it.symbol) || it.symbol !== it.name && mentions(haystack, it.name);
    }
  }
}
function mentions(haystack, name2) {
  if (!name2) return false;
  let from = 0;
  for (; ; ) {
    const i2 = haystack.indexOf(name2, from);
    if (i2 < 0) return false;
    const before = haystack[i2 - 1] ?? " ";
    const after = haystack[i2 + name2.length] ?? " ";
    if (!/[A-Za-z0-9_]/.test(before) && !/[A-Za-z0-9_]/.test(after)) return true;
    from = i2 + 1;
  }
}

// src/core/render/surface-text.ts
function signatureOf(item) {
  switch (item.kind) {
    case "function": {
      const params = item.params.map((p) => `${p.name}: ${p.type}`);
      if (item.variadic) params.push("...");
      const abi = item.abi === "Rust" ? "" : `extern "${item.abi}" `;
      return `${item.unsafe ? "unsafe " : ""}${abi}fn ${item.name}(${params.join(", ")})${item.returns ? ` -> ${item.returns}` : ""}`;
    }
    case "static":
      return `static ${item.mutable ? "mut " : ""}${item.name}: ${item.type}`;
    case "struct":
    case "union": {
      const fields = item.fields.map((f) => item.tuple ? f.type : `${f.name}: ${f.type}`).join(", ");
      return `#[repr(${item.repr.join(", ")})] ${item.kind} ${item.name} ${item.tuple ? `(${fields})` : `{ ${fields} }`}`;
    }
    case "enum": {
      const vs = item.variants.map((v) => `${v.name}${v.value !== null ? ` = ${v.value}` : v.discriminant ? ` = ${v.discriminant}` : ""}`);
      return `#[repr(${item.repr.join(", ")})] enum ${item.name} { ${vs.join(", ")} }`;
    }
    case "type":
      return `type ${item.name} = ${item.target}`;
    case "const":
      return `const ${item.name}: ${item.type} = ${item.value}`;
    case "import": {
      if (item.what === "static") return `extern "${item.abi}" static ${item.mutable ? "mut " : ""}${item.name}: ${item.type ?? "?"}`;
      const params = (item.params ?? []).map((p) => `${p.name}: ${p.type}`);
      if (item.variadic) params.push("...");
      return `extern "${item.abi}" fn ${item.name}(${params.join(", ")})${item.returns ? ` -> ${item.returns}` : ""}`;
    }
  }
}
function printable(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
function renderSurfaceText(s) {
  const lines = [];
  lines.push(`ffi surface of ${printable(s.rev)} (${s.digest})`);
  for (const c of s.crates) {
    lines.push("");
    lines.push(`crate ${printable(c.name)} ${printable(c.version)} (${printable(c.manifest)}${c.features.length ? `; features: ${c.features.map(printable).join(", ")}` : ""})`);
    const groups = [
      ["functions", c.items.filter((i2) => i2.kind === "function")],
      ["statics", c.items.filter((i2) => i2.kind === "static")],
      ["types", c.items.filter((i2) => i2.kind === "struct" || i2.kind === "union" || i2.kind === "enum" || i2.kind === "type")],
      ["constants", c.items.filter((i2) => i2.kind === "const")],
      ["imports", c.items.filter((i2) => i2.kind === "import")]
    ];
    for (const [title, items] of groups) {
      if (!items.length) continue;
      lines.push(`  ${title}:`);
      for (const it of items) {
        const sym = (it.kind === "function" || it.kind === "static") && it.symbol !== it.name ? ` [symbol ${it.symbol}]` : "";
        const cfg = it.cfg ? ` [cfg(${it.cfg})]` : "";
        lines.push(`    ${printable(signatureOf(it))}${printable(sym)}${printable(cfg)}  ${printable(it.file)}:${it.line}`);
      }
    }
    if (!c.items.length) lines.push("  (no exported surface)");
  }
  if (s.diagnostics.length) {
    lines.push("");
    lines.push("diagnostics:");
    for (const d of s.diagnostics) lines.push(`  ${d.level}: ${printable(d.message)}${d.file ? ` (${printable(d.file)}${d.line ? `:${d.line}` : ""})` : ""} [${d.code}]`);
  }
  return lines.join("\n") + "\n";
}

// src/cli/commands/extract.ts
async function extractCommand(args2) {
  const format = formatFlag(args2, ["json", "text"], "json");
  const features = featureSelection(args2);
  const tree = await openTree(stringFlag(args2, "--root") ?? ".", stringFlag(args2, "--rev"));
  try {
    const parser = await loadRustParser();
    const surface = await extractSurface(tree, parser, { features, testCoverage: args2.flags.has("--findings") });
    const fatal = surface.diagnostics.find((d) => d.code === "no-manifest" || d.code === "manifest-invalid");
    const out2 = format === "json" ? JSON.stringify(surface, null, 2) + "\n" : renderSurfaceText(surface);
    return { stdout: out2, exitCode: fatal && surface.crates.length === 0 ? 2 : 0, error: fatal && surface.crates.length === 0 ? fatal.message : void 0 };
  } finally {
    tree.close?.();
  }
}

// src/cli/run.ts
var USAGE = `usage:
  ${TOOL_NAME} extract       [--root DIR] [--rev REV] [--features a,b | --all-features | --no-default-features] [--format json|text]
  ${TOOL_NAME} diff          --base REV [--head REV] [--root DIR] [feature flags] [--format json|markdown|text] [--fail-on breaking|potentially-breaking|any]
  ${TOOL_NAME} release-check --base REV [--head REV] [--root DIR] [--format json|text]
`;
var COMMANDS = {
  extract: extractCommand
};
async function run2(argv) {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "help" || argv[0] === "-h") return { stdout: USAGE, exitCode: argv.length === 0 ? 2 : 0 };
  if (argv[0] === "--version") return { stdout: `${TOOL_NAME} ${TOOL_VERSION}
`, exitCode: 0 };
  try {
    const args2 = parseArgs(argv);
    if (args2.flags.has("--help")) return { stdout: USAGE, exitCode: 0 };
    const command = COMMANDS[args2.command];
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(args2.command)}; expected one of ${Object.keys(COMMANDS).join(", ")}`);
    return await command(args2);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof GitError) return { stdout: "", exitCode: 2, error: e.message };
    const msg = e instanceof Error ? e.message : String(e);
    return { stdout: "", exitCode: 2, error: `internal error: ${msg}` };
  }
}

// src/cli/main.ts
run2(process.argv.slice(2)).then(
  (r) => {
    if (r.stdout) process.stdout.write(r.stdout);
    if (r.error) process.stderr.write(`${TOOL_NAME}: ${r.error.split("\n")[0]}
`);
    process.exitCode = r.exitCode;
  },
  (e) => {
    process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}
`);
    process.exitCode = 2;
  }
);
