// Nothing to run: this project exists so that `dotnet ef` has a start-up project (see scripts/new-migration).
return 0;
