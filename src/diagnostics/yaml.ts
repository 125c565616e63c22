/**
 * The reason of a YAML parse error, for a message that gives its own file:line:column:
 * the yaml package's first line, without the " at line N, column M" it appends (and
 * without the excerpt of the source that follows).
 */
export function yamlReason(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
