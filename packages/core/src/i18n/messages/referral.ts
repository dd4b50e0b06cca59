// The referral messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enReferral = {
  'invite.title': 'Invite friends',
  'invite.copy': 'Copy link',
  'invite.copied': 'Link copied',
  'invite.code': 'Your invite code',
  'invite.rewardYou': 'You get {reward}',
  'invite.rewardFriend': 'Your friend gets {reward}',
  'invite.shareVia': 'Share via {channel}',
  'invitation.invited': 'Invited',
  'invitation.visited': 'Visited',
  'invitation.signed-up': 'Signed up',
  'invitation.purchased': 'Purchased',
  'invitation.rewarded': 'Rewarded',
} as const;

export const zhCNReferral = {
  'invite.title': '邀请好友',
  'invite.copy': '复制链接',
  'invite.copied': '链接已复制',
  'invite.code': '您的邀请码',
  'invite.rewardYou': '您将获得 {reward}',
  'invite.rewardFriend': '好友将获得 {reward}',
  'invite.shareVia': '分享到{channel}',
  'invitation.invited': '已邀请',
  'invitation.visited': '已访问',
  'invitation.signed-up': '已注册',
  'invitation.purchased': '已购买',
  'invitation.rewarded': '已奖励',
} satisfies MessagesOf<typeof enReferral>;
