type Named = { id: string } & ({ name: string } | { title: string });

/**
 * A select's options for choosing a person or a case: first the empty choice (`empty`: "Choose a
 * person…"), then each item by its name or title, in the order given.
 */
export function NamedOptions({ empty, items }: { empty: string; items: readonly Named[] }): React.JSX.Element {
  return (
    <>
      <option value="">{empty}</option>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {'name' in item ? item.name : item.title}
        </option>
      ))}
    </>
  );
}
