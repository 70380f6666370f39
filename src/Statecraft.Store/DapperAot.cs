// Every Dapper call of the store is generated at build time (Dapper.AOT), so no query needs Reflection.Emit.
[module: Dapper.DapperAot]
