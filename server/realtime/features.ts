// Every feature's socket events, registered on each connection in this order.
import type { RealtimeFeature } from './realtime-server';
import { groupPresence } from './group-presence';
import { meetingLive } from './meeting-room';
import { actionItemsLive } from './action-items';
import { voting } from './voting';
import { discussionLive } from './discussion';

export const realtimeFeatures: RealtimeFeature[] = [groupPresence, meetingLive, voting, actionItemsLive, discussionLive];
