export interface PlaceholderValues {
  resident_name?: string | null;
  agent_name?: string | null;
  council?: string | null;
  reference?: string | null;
}

/**
 * Fills {resident_name}, {agent_name}, {council}, {reference} in a canned response. A value
 * we do not have is left as its placeholder, so the agent sees what to fill in before sending.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(/\{(resident_name|agent_name|council|reference)\}/g, (whole, key: keyof PlaceholderValues) => {
    const value = values[key]?.trim();
    if (value) return value;
    if (!missing.includes(key)) missing.push(key);
    return whole;
  });
  return { text, missing };
}
