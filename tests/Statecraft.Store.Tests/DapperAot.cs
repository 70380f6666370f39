// The tests query the store with plain Dapper (reflection is fine here); only the store itself is generated at build time.
[module: Dapper.DapperAot(false)]
