import { whereOf } from './problems.js';
import type { PropertyName, PropertyValue } from './properties.js';
import { slotOf, type Resolution, type Resolved } from './resolve.js';

/** Typed access to the layered values. */
export class Values {
  constructor(readonly resolution: Resolution) {}

  /** The winning value of the property's slot, whichever property of the slot set it. */
  resolved(name: PropertyName): Resolved | undefined {
    return this.resolution.effective.get(slotOf(name));
  }

  /** The property's value, if it is the one that won its slot. */
  get<K extends PropertyName>(name: K): PropertyValue<K> | undefined {
    const r = this.resolved(name);
    return r !== undefined && r.entry.name === name ? (r.value as PropertyValue<K>) : undefined;
  }

  /** Like get, for properties that always have a default. */
  must<K extends PropertyName>(name: K): PropertyValue<K> {
    const value = this.get(name);
    if (value === undefined) throw new Error(`internal: ${name} has no default`);
    return value;
  }

  /** Set by the user (file, environment or flag), not a default. */
  given(name: PropertyName): boolean {
    const r = this.resolved(name);
    return r !== undefined && r.entry.name === name && r.entry.source.kind !== 'default';
  }

  /** "…/ckafka.config.json: producer.acks" for messages about the value. */
  where(name: PropertyName): string {
    const r = this.resolved(name);
    return r === undefined ? name : whereOf(r.entry.source, r.entry.key);
  }
}
