import type { Message } from './create-translator.ts';
import type {
  enForm,
  enMedia,
  enReferral,
  enReviews,
  enSocialProof,
  enStars,
  enStates,
  enSummary,
  enTestimonials,
} from './messages-en.ts';

/** A group with exactly the keys of its English counterpart. */
type MessagesOf<T> = { readonly [K in keyof T]: Message };

// 简体中文。Chinese has a single plural category, so plural messages need only `other`.

export const zhCNStars = {
  'stars.label': { other: '{rating} 星（满分 5 星），{count} 条评价' },
  'stars.none': '暂无评价',
} satisfies MessagesOf<typeof enStars>;

export const zhCNSummary = {
  'summary.basedOn': { other: '基于 {count} 条评价' },
  'summary.recommend': '{percent} 的买家推荐',
  'summary.histogramRow': { other: '{stars} 星：{count} 条评价（{percent}）' },
  'summary.filterBy': '查看 {stars} 星评价',
  'aspect.quality': '质量',
  'aspect.value': '性价比',
  'aspect.service': '服务',
  'aspect.delivery': '物流',
  'aspect.experience': '体验',
  'aspect.brand': '品牌',
} satisfies MessagesOf<typeof enSummary>;

export const zhCNReviews = {
  'reviews.count': { other: '{count} 条评价' },
  'reviews.empty': '暂无评价，欢迎分享您的使用体验。',
  'reviews.emptyFiltered': '没有符合筛选条件的评价。',
  'reviews.write': '写评价',
  'reviews.loadMore': '查看更多评价',
  'reviews.verified': '已验证购买',
  'reviews.incentivised': '评价者因撰写此评价获得了奖励',
  'reviews.reply': '商家回复',
  'reviews.helpful': { other: '有用（{count}）' },
  'reviews.unhelpful': { other: '没用（{count}）' },
  'reviews.voted': '感谢您的反馈',
  'reviews.sort': '排序',
  'reviews.sort.helpful': '最有帮助',
  'reviews.sort.newest': '最新',
  'reviews.sort.oldest': '最早',
  'reviews.sort.highest': '评分最高',
  'reviews.sort.lowest': '评分最低',
  'reviews.filter.stars': { other: '{stars} 星' },
  'reviews.filter.withMedia': '有图',
  'reviews.filter.verified': '已验证购买',
  'reviews.filter.clear': '清除筛选',
  'reviews.disclosure': '评价的收集与审核方式',
  'reviews.title': '买家评价',
  'reviews.readMore': '展开全文',
  'reviews.readLess': '收起',
  'reviews.by': '{name}',
  'reviews.ratingLabel': '评分 {rating} 星（满分 5 星）',
  'reviews.photos': '评价中的图片',
  'reviews.range': '第 {from}–{to} 条评价',
  'reviews.previousPage': '上一页',
  'reviews.nextPage': '下一页',
  'reviews.filter.label': '筛选评价',
  'reviews.filter.language': '仅看中文评价',
  'reviews.aspects': '分项评分',
  'reviews.helpfulQuestion': '这条评价对您有帮助吗？',
  'reviews.voteFailed': '投票未能保存，请重试。',
} satisfies MessagesOf<typeof enReviews>;

export const zhCNMedia = {
  'media.open': '打开第 {index} 张图片，共 {total} 张',
  'media.close': '关闭',
  'media.next': '下一张',
  'media.previous': '上一张',
  'media.byAuthor': '{name} 上传的图片',
  'media.title': '买家秀',
  'media.lightbox': '第 {index} 张，共 {total} 张',
  'media.empty': '还没有买家上传图片。',
  'media.fromReview': '来自 {name} 的 {rating} 星评价',
  'media.loadMore': '查看更多图片',
} satisfies MessagesOf<typeof enMedia>;

export const zhCNTestimonials = {
  'testimonials.title': '听听顾客怎么说',
  'testimonials.source.review': '来自评价',
  'testimonials.source.survey': '来自问卷',
  'testimonials.source.social': '来自社交媒体',
  'testimonials.empty': '暂无客户推荐。',
  'testimonials.featured': '精选',
} satisfies MessagesOf<typeof enTestimonials>;

export const zhCNSocialProof = {
  'socialProof.friends': { other: '{count} 位好友推荐' },
  'socialProof.purchased': { other: '近 {days} 天有 {count} 人购买' },
  'socialProof.reviewed': { other: '近 {days} 天有 {count} 人评价' },
  'socialProof.recommended': { other: '近 {days} 天有 {count} 人推荐' },
  'socialProof.customers': { other: '{count} 位买家推荐' },
  'socialProof.including': '包括 {names}',
} satisfies MessagesOf<typeof enSocialProof>;

export const zhCNForm = {
  'form.title': '写评价',
  'form.rating': '您的评分',
  'form.ratingValue': { other: '{count} 星' },
  'form.reviewTitle': '标题（选填）',
  'form.body': '评价内容',
  'form.name': '显示的昵称',
  'form.email': '邮箱（不会公开）',
  'form.recommend': '您会向朋友推荐这件商品吗？',
  'form.photos': '添加图片',
  'form.submit': '提交评价',
  'form.submitting': '提交中…',
  'form.thanks': '感谢您的评价，已发布！',
  'form.pending': '感谢您的评价！审核通过后即会显示。',
  'form.retry': '重试',
  'form.draftKept': '您的评价内容已保留，不会丢失。',
} satisfies MessagesOf<typeof enForm>;

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

export const zhCNStates = {
  'state.loading': '正在加载评价…',
  'state.error': '评价加载失败。',
  'state.retry': '重试',
  'state.offline': '您已离线，正在显示已保存的评价。',
  'state.rateLimited': '请求过于频繁，请稍后再试。',
  'time.updated': '更新于 {time}',
  'state.empty': '暂无内容。',
  'carousel.label': '评价轮播',
  'carousel.previous': '上一张',
  'carousel.next': '下一张',
  'carousel.slide': '第 {index} 张，共 {total} 张',
  'carousel.goTo': '转到第 {index} 张',
  'carousel.pause': '暂停自动播放',
  'carousel.play': '开始自动播放',
} satisfies MessagesOf<typeof enStates>;
