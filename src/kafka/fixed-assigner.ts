import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

export const FIXED_ASSIGNER_NAME = 'CkafkaFixedPartitions';

/**
 * kafkajs has no `assign()`: it reads only as a group member. For `-p 0,2` ckafka joins a group
 * of its own (a unique, throwaway id) with this assigner, which hands exactly the chosen
 * partitions to the one member, whatever the group coordinator would have chosen.
 */
export function fixedAssigner(topic: string, partitions: readonly number[]): PartitionAssigner {
  return () => ({
    name: FIXED_ASSIGNER_NAME,
    version: 0,
    async assign({ members }) {
      return members.map((member, i) => ({
        memberId: member.memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 0,
          assignment: i === 0 ? { [topic]: [...partitions] } : {},
          userData: Buffer.alloc(0),
        }),
      }));
    },
    protocol({ topics }) {
      return {
        name: FIXED_ASSIGNER_NAME,
        metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
      };
    },
  });
}
