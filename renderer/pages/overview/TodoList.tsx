import { RightOutlined } from '@ant-design/icons';
import { Badge, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Todo } from '../../../electron/core/contract';
import { isSectionKey } from '../../app/sections';
import { useNavigation } from '../../stores/navigation-store';

/** 待办: each line a link to the page that lists those items, with the filters that select them. */
export function TodoList({ todos }: { todos: Todo[] }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  return (
    <Card size="small" title={t('overview.todos.title')} style={{ height: '100%' }}>
      <List
        size="small"
        dataSource={todos}
        data-testid="todo-list"
        renderItem={(todo) => {
          const open = () => isSectionKey(todo.link.section) && go(todo.link.section, todo.link.filters);
          return (
            <List.Item
              onClick={open}
              style={{ cursor: 'pointer' }}
              data-testid={`todo-${todo.key}`}
              data-count={todo.count}
              actions={[<RightOutlined key="open" />]}
            >
              <span>
                <Badge count={todo.count} showZero color={todo.count === 0 ? '#d9d9d9' : todo.overdue ? '#ff4d4f' : '#1677ff'} overflowCount={9999} />{' '}
                {t(`overview.todos.${todo.key}`, { defaultValue: todo.key })}
                {todo.overdue ? (
                  <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
                    {t(`overview.todos.overdue.${todo.key}`, { count: todo.overdue, defaultValue: '' })}
                  </Typography.Text>
                ) : null}
              </span>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
