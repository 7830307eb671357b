// Microsoft's Kusto language service (Bridge.NET build) loaded for tests: parses a query against
// the real App Service table schemas and reports diagnostics and the shape of the parse tree.
import { APP_SERVICE_SCHEMAS } from './table-schemas';

require('@kusto/language-service-next/bridge');
require('@kusto/language-service-next');

// The bridge declares its types as globals; only the few members used here are typed locally.
interface BridgeList<T> {
  Count: number;
  getItem(index: number): T;
}
interface KustoDiagnostic {
  Severity: string;
  Code: string;
  Message: string;
  Start: number;
}
interface SyntaxElement {
  Kind: number;
  LiteralValue?: unknown;
}
interface KustoNamespace {
  Language: {
    KustoCode: {
      ParseAndAnalyze(
        text: string,
        globals: unknown
      ): { GetDiagnostics(): BridgeList<KustoDiagnostic>; Syntax: SyntaxElement; ResultType: ResultType | null };
    };
    GlobalState: { Default: { WithDatabase(database: unknown): unknown } };
    Symbols: {
      TableSymbol: { $ctor7: new (name: string, schema: string, description: string | null) => unknown };
      DatabaseSymbol: { ctor: new (name: string, members: unknown[]) => unknown };
    };
    Syntax: {
      SyntaxKind: Record<string, number>;
      SyntaxElement: { WalkElements(root: SyntaxElement, before: (element: SyntaxElement) => void): void };
    };
  };
}
interface ResultType {
  Columns?: BridgeList<{ Name: string; Type: { Name: string } }>;
}
interface BridgeSystem {
  Enum: { toString(enumType: unknown, value: number): string };
}

const kusto = (globalThis as unknown as { Kusto: KustoNamespace }).Kusto;
const bridgeSystem = (globalThis as unknown as { System: BridgeSystem }).System;

const tables = APP_SERVICE_SCHEMAS.map(
  (table) =>
    new kusto.Language.Symbols.TableSymbol.$ctor7(
      table.name,
      '(' + table.columns.map(([name, type]) => `['${name}']:${type}`).join(', ') + ')',
      null
    )
);
const workspace = new kusto.Language.Symbols.DatabaseSymbol.ctor('workspace', tables);
const globals = kusto.Language.GlobalState.Default.WithDatabase(workspace);

export interface KqlAnalysis {
  /** Syntax and semantic diagnostics, one line each (`Error KS142 … @offset`). */
  diagnostics: string[];
  /** Every syntax kind of the parse tree in document order (tokens and nodes). */
  syntaxKinds: string[];
  /** Query operators in document order (`FilterOperator`, `SummarizeOperator`, …). */
  operators: string[];
  /** Decoded values of every string literal. */
  stringLiterals: string[];
  /** Columns of the query's tabular result as the language service infers them (name → type). */
  resultColumns: Array<{ name: string; type: string }>;
}

export function analyzeKql(query: string): KqlAnalysis {
  const code = kusto.Language.KustoCode.ParseAndAnalyze(query, globals);
  const found = code.GetDiagnostics();
  const diagnostics: string[] = [];
  for (let i = 0; i < found.Count; i++) {
    const d = found.getItem(i);
    diagnostics.push(`${d.Severity} ${d.Code} ${d.Message} @${d.Start}`);
  }
  const syntaxKinds: string[] = [];
  const stringLiterals: string[] = [];
  const stringLiteralKind = kusto.Language.Syntax.SyntaxKind.StringLiteralExpression;
  kusto.Language.Syntax.SyntaxElement.WalkElements(code.Syntax, (element) => {
    syntaxKinds.push(bridgeSystem.Enum.toString(kusto.Language.Syntax.SyntaxKind, element.Kind));
    if (element.Kind === stringLiteralKind) {
      stringLiterals.push(String(element.LiteralValue));
    }
  });
  const operators = syntaxKinds.filter((kind) => kind.endsWith('Operator') || kind.endsWith('Statement'));
  const resultColumns: Array<{ name: string; type: string }> = [];
  const columns = code.ResultType?.Columns;
  for (let i = 0; columns && i < columns.Count; i++) {
    const column = columns.getItem(i);
    resultColumns.push({ name: column.Name, type: column.Type.Name });
  }
  return { diagnostics, syntaxKinds, operators, stringLiterals, resultColumns };
}
